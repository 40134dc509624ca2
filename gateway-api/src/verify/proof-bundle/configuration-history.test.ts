import { ConfigurationHistory } from './configuration-history';
import { committedBlock } from './testing/synthetic-block';
import { TestPki } from './testing/test-pki';

// Ledger 0..8 where blocks 0, 5 and 7 are configuration blocks: every block records the last
// configuration block in force (block 0, the genesis block, is its own and unsigned).
const CONFIGURATION_IN_FORCE = [0, 0, 0, 0, 0, 5, 5, 7, 7];

let pki: TestPki;
let ledger: Uint8Array[];

beforeAll(() => {
  pki = new TestPki();
  const ca = pki.rootCa('orderer-ca', '/O=OrdererMSP/CN=ca.orderer');
  const orderer = pki.identity('OrdererMSP', 'orderer1', '/O=OrdererMSP/OU=orderer/CN=orderer1', ca);
  ledger = CONFIGURATION_IN_FORCE.map((lastConfig, number) =>
    committedBlock({
      number,
      envelopes: [Buffer.from(`block ${number}`)],
      ...(number > 0 && { signedBy: orderer, lastConfig }),
    }),
  );
});

afterAll(() => pki.dispose());

function countingReader(failOn?: number) {
  const reads: number[] = [];
  const read = (blockNumber: bigint) => {
    const number = Number(blockNumber);
    reads.push(number);
    if (number === failOn) return Promise.reject(new Error('peer unavailable'));
    const block = ledger[number];
    return block === undefined ? Promise.reject(new Error(`no block ${number}`)) : Promise.resolve(block);
  };
  return { reads, read };
}

describe('ConfigurationHistory', () => {
  it('walks back from the configuration in force to the genesis block, in ledger order', async () => {
    const { reads, read } = countingReader();
    const history = new ConfigurationHistory(read);

    const chain = await history.chainUpTo(7);

    expect(chain).toEqual([ledger[0], ledger[5], ledger[7]]);
    expect(reads.sort((a, b) => a - b)).toEqual([0, 4, 5, 6, 7]);
  });

  it('remembers chains: configuration blocks never change', async () => {
    const { reads, read } = countingReader();
    const history = new ConfigurationHistory(read);
    await history.chainUpTo(7);
    reads.length = 0;

    expect(await history.chainUpTo(5)).toEqual([ledger[0], ledger[5]]);
    expect(await history.chainUpTo(7)).toHaveLength(3);
    expect(reads).toEqual([]);
  });

  it('does not remember a failed read: the next request reads again', async () => {
    const { reads, read } = countingReader();
    let failures = 1;
    const history = new ConfigurationHistory((blockNumber) =>
      blockNumber === 4n && failures-- > 0
        ? Promise.reject(new Error('peer unavailable'))
        : read(blockNumber),
    );

    await expect(history.chainUpTo(5)).rejects.toThrow('peer unavailable');
    expect(await history.chainUpTo(5)).toEqual([ledger[0], ledger[5]]);
    expect(reads.filter((n) => n === 5)).toHaveLength(2);
  });
});
