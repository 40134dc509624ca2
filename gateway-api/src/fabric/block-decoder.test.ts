import { common, peer } from '@hyperledger/fabric-protos';

import { type TestBlockTransaction, testBlock } from '../../test/support/fabric-blocks';
import { testCertificate } from '../../test/support/test-certificate';
import { BlockDecodeError } from './block-decode.error';
import { decodeBlock } from './block-decoder';
import { ROLE_ATTRIBUTE } from './certificate';

const CHAINCODE = 'waste';
/** The definitions the gateway listens to (the event source's set), here two of them. */
const NAMES: ReadonlySet<string> = new Set([CHAINCODE, 'realestate']);
const tx = (n: number): string => n.toString(16).padStart(64, '0');
const operator = testCertificate({
  organisation: 'UrbanMSP',
  commonName: 'station-7',
  attributes: { [ROLE_ATTRIBUTE]: 'station_operator' },
});
const peerCert = (mspId: string): string =>
  testCertificate({ organisation: mspId, commonName: `peer0.${mspId}` });
const endorsement = (mspId: string) => ({ mspId, certificate: peerCert(mspId) });

/** A valid govtrace transaction emitting `eventName`, created by the station operator. */
function scan(
  n: number,
  eventName = 'WasteScansRecorded',
  extra: Partial<TestBlockTransaction> = {},
): TestBlockTransaction {
  return {
    txId: tx(n),
    creator: { mspId: 'UrbanMSP', idBytes: operator },
    actions: [
      {
        endorsements: [endorsement('UrbanMSP')],
        event: { chaincodeId: CHAINCODE, eventName, payload: `{"n":${n}}` },
        rwsets: [{ namespace: CHAINCODE, writes: [`scan-${n}`] }],
      },
    ],
    ...extra,
  };
}

const eventIds = (block: common.Block): string[] =>
  decodeBlock(block, NAMES).events.map((event) => `${event.transactionId.slice(-2)} ${event.eventName}`);

describe('decodeBlock', () => {
  it("reads each govtrace event of a valid transaction with its transaction's origin", () => {
    const block = testBlock(17, [
      {
        txId: tx(1),
        creator: { mspId: 'UrbanMSP', idBytes: operator },
        actions: [
          {
            endorsements: [endorsement('UrbanMSP'), endorsement('MarketMSP'), endorsement('UrbanMSP')],
            event: { chaincodeId: CHAINCODE, eventName: 'WasteScansRecorded', payload: '{"scans":2}' },
            rwsets: [
              {
                namespace: CHAINCODE,
                reads: ['site\u0000S1', 'bag\u0000440106010000000016'],
                writes: ['bag\u0000440106010000000016', 'scan\u0000440106010000000016\u00001'],
                deletes: ['pending\u0000440106010000000016'],
                hashedWritesIn: 'urbanPrivate',
              },
              { namespace: '_lifecycle', reads: ['namespaces/fields/govtrace/Sequence'] },
            ],
          },
        ],
      },
    ]);

    expect(decodeBlock(block, NAMES)).toEqual({
      blockNumber: 17n,
      events: [
        {
          blockNumber: 17n,
          transactionId: tx(1),
          chaincodeName: CHAINCODE,
          eventName: 'WasteScansRecorded',
          payload: new Uint8Array(Buffer.from('{"scans":2}')),
          origin: {
            creatorMspId: 'UrbanMSP',
            creatorRole: 'station_operator',
            endorserMspIds: ['MarketMSP', 'UrbanMSP'],
            // reads, the reads-only namespace and the collection's hashed writes are not writes
            writes: new Map([
              [
                CHAINCODE,
                [
                  'bag\u0000440106010000000016',
                  'scan\u0000440106010000000016\u00001',
                  'pending\u0000440106010000000016',
                ],
              ],
            ]),
          },
        },
      ],
    });
  });

  it('keeps block order across transactions and across the actions of one transaction', () => {
    const twoActions: TestBlockTransaction = {
      txId: tx(2),
      actions: [
        {
          event: { chaincodeId: CHAINCODE, eventName: 'First' },
          rwsets: [{ namespace: CHAINCODE, writes: ['a'] }],
        },
        {
          event: { chaincodeId: CHAINCODE, eventName: 'Second' },
          rwsets: [{ namespace: CHAINCODE, writes: ['b'] }],
        },
      ],
    };
    const block = testBlock(3, [scan(1), twoActions, scan(3)]);
    expect(eventIds(block)).toEqual([
      '01 WasteScansRecorded',
      '02 First',
      '02 Second',
      '03 WasteScansRecorded',
    ]);
    // one origin for the whole transaction: both actions' writes
    const [, first, second] = decodeBlock(block, NAMES).events;
    expect(first?.origin.writes).toEqual(new Map([[CHAINCODE, ['a', 'b']]]));
    expect(second?.origin).toBe(first?.origin);
  });

  it.each<[string, TestBlockTransaction]>([
    [
      'an invalidated transaction',
      scan(2, 'X', { validationCode: peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE }),
    ],
    ['an MVCC conflict', scan(2, 'X', { validationCode: peer.TxValidationCode.MVCC_READ_CONFLICT })],
    ['a configuration transaction', scan(2, 'X', { headerType: common.HeaderType.CONFIG, actions: [] })],
    [
      'a configuration transaction that looks endorsed',
      scan(2, 'X', { headerType: common.HeaderType.CONFIG }),
    ],
    [
      'another chaincode’s event',
      { txId: tx(2), actions: [{ event: { chaincodeId: 'other', eventName: 'X' } }] },
    ],
    [
      'an event without a name',
      { txId: tx(2), actions: [{ event: { chaincodeId: CHAINCODE, eventName: '' } }] },
    ],
    [
      'an event without a transaction id',
      { txId: tx(2), actions: [{ event: { chaincodeId: CHAINCODE, eventName: 'X', txId: '' } }] },
    ],
    [
      'a transaction without an event',
      { txId: tx(2), actions: [{ rwsets: [{ namespace: CHAINCODE, writes: ['k'] }] }] },
    ],
    ['a transaction without actions', { txId: tx(2) }],
  ])('leaves out %s', (_case, transaction) => {
    expect(eventIds(testBlock(9, [scan(1), transaction, scan(3)]))).toEqual([
      '01 WasteScansRecorded',
      '03 WasteScansRecorded',
    ]);
  });

  it('names each event by the definition that emitted it, events of several definitions in one block', () => {
    const registration: TestBlockTransaction = {
      txId: tx(2),
      actions: [
        {
          endorsements: [endorsement('RegistryMSP')],
          event: { chaincodeId: 'realestate', eventName: 'RealEstateRegistered' },
          rwsets: [
            { namespace: 'realestate', writes: ['unit'] },
            { namespace: 'tax', reads: ['clearance'] },
          ],
        },
      ],
    };
    const events = decodeBlock(testBlock(8, [scan(1), registration]), NAMES).events;
    expect(events.map((event) => `${event.chaincodeName} ${event.eventName}`)).toEqual([
      'waste WasteScansRecorded',
      'realestate RealEstateRegistered',
    ]);
    expect(events[1]?.origin.writes).toEqual(new Map([['realestate', ['unit']]]));
  });

  it('answers the number of a block with no govtrace event, such as the genesis block', () => {
    expect(decodeBlock(testBlock(0, []), NAMES)).toEqual({ blockNumber: 0n, events: [] });
    const config = testBlock(1, [{ txId: tx(1), headerType: common.HeaderType.CONFIG }]);
    expect(decodeBlock(config, NAMES)).toEqual({ blockNumber: 1n, events: [] });
  });

  it('counts transactions of a block without validation flags as not valid, as Fabric does', () => {
    expect(decodeBlock(testBlock(4, [scan(1)], { withoutValidationFlags: true }), NAMES).events).toEqual([]);
  });

  it('leaves out the role of a creator without one, and of an identity that is not a certificate', () => {
    const user1 = testCertificate({ organisation: 'MarketMSP', commonName: 'User1@market.govtrace.local' });
    const block = testBlock(5, [
      scan(1, 'A', { creator: { mspId: 'MarketMSP', idBytes: user1 } }),
      scan(2, 'B', { creator: { mspId: 'IdemixMSP', idBytes: Buffer.of(1, 2, 3) } }),
    ]);
    const origins = decodeBlock(block, NAMES).events.map((event) => event.origin);
    expect(origins.map((origin) => origin.creatorMspId)).toEqual(['MarketMSP', 'IdemixMSP']);
    expect(origins.map((origin) => 'creatorRole' in origin)).toEqual([false, false]);
  });

  it('reads the thousands of keys a 1000-scan transaction writes, past as many reads', () => {
    const keys = Array.from(
      { length: 3000 },
      (_, i) => `\u0000scan\u0000${String(i).padStart(18, '0')}\u0000`,
    );
    const block = testBlock(6, [
      {
        txId: tx(1),
        actions: [
          {
            event: { chaincodeId: CHAINCODE, eventName: 'WasteScansRecorded' },
            rwsets: [{ namespace: CHAINCODE, reads: keys, writes: keys }],
          },
        ],
      },
    ]);
    const [event] = decodeBlock(block, NAMES).events;
    expect(event?.origin.writes.get(CHAINCODE)).toEqual(keys);
  });

  it.each<[string, () => common.Block]>([
    ['a block without a header', () => new common.Block()],
    [
      'a transaction without a creator MSP',
      () => testBlock(1, [scan(1, 'A', { creator: { mspId: '', idBytes: operator } })]),
    ],
  ])('refuses %s', (_case, block) => {
    expect(() => decodeBlock(block(), NAMES)).toThrow(BlockDecodeError);
  });

  it('says which transaction of which block it could not read', () => {
    const block = testBlock(8, [scan(1), scan(2)]);
    const data = block.getData()?.getDataList_asU8() ?? [];
    block.getData()?.setDataList([data[0] ?? new Uint8Array(), Buffer.from('not protobuf at all')]);
    expect(() => decodeBlock(block, NAMES)).toThrow(/^block 8 transaction 1: /);
    // an invalidated transaction is not read at all, so its bytes cannot stop the index
    block.getMetadata()?.setMetadataList([new Uint8Array(), new Uint8Array(), Uint8Array.of(0, 10)]);
    expect(eventIds(block)).toEqual(['01 WasteScansRecorded']);
  });
});
