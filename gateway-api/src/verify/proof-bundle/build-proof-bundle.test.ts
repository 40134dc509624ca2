import { common, peer } from '@hyperledger/fabric-protos';

import { buildProofBundle, type BuildProofBundleInput } from './build-proof-bundle';
import { type ProofBundleErrorCode } from './proof-bundle-error';
import { ProofBundleError } from './proof-bundle-error';
import {
  committedBlock,
  configBlock,
  endorserTransaction,
  type SyntheticSigner,
  type SyntheticWrite,
} from './testing/synthetic-block';
import { TestPki } from './testing/test-pki';

const CHANNEL = 'govtrace';
const CHAINCODE = 'govtrace';
const KEY = '\u0000realestate.certificate\u0000SYN-0001\u0000';
const RECORD = { content: { certificateNumber: 'SYN-0001' }, contentHash: 'ab', status: 'ACTIVE' };
const NOW = new Date('2026-11-24T00:00:00.000Z');

let pki: TestPki;
let registryRoot: string;
let marketRoot: string;
let marketIntermediate: string;
let ordererRoot: string;
let registryPeer: SyntheticSigner;
let configBytes: Uint8Array;

beforeAll(() => {
  pki = new TestPki();
  const registryCa = pki.rootCa('registry-ca', '/O=RegistryMSP/CN=ca.registry');
  const marketCa = pki.rootCa('market-ca', '/O=MarketMSP/CN=ca.market');
  const marketIca = pki.intermediateCa('market-ica', '/O=MarketMSP/CN=ica.market', marketCa);
  const ordererCa = pki.rootCa('orderer-ca', '/O=OrdererMSP/CN=ca.orderer');
  registryRoot = registryCa.certificate;
  marketRoot = marketCa.certificate;
  marketIntermediate = marketIca.certificate;
  ordererRoot = ordererCa.certificate;
  registryPeer = pki.identity('RegistryMSP', 'registry-peer', '/O=RegistryMSP/OU=peer/CN=peer0', registryCa);
  configBytes = configBlock({
    channel: CHANNEL,
    application: [
      { mspId: 'RegistryMSP', rootCerts: [registryRoot] },
      { mspId: 'MarketMSP', rootCerts: [marketRoot], intermediateCerts: [marketIntermediate] },
    ],
    orderer: [{ mspId: 'OrdererMSP', rootCerts: [ordererRoot] }],
  });
});

afterAll(() => pki.dispose());

function transaction(writes: readonly SyntheticWrite[], channel = CHANNEL) {
  return endorserTransaction({
    channel,
    chaincode: CHAINCODE,
    creator: registryPeer,
    endorsers: [registryPeer],
    writes,
    timestamp: NOW,
  });
}

/** A block of three transactions, the one of interest in the middle. */
function blockAround(
  writes: readonly SyntheticWrite[],
  options: { validationCode?: number; channel?: string } = {},
) {
  const target = transaction(writes, options.channel);
  const others = [
    transaction([{ key: 'other', value: '{}' }]),
    transaction([{ key: 'another', value: '{}' }]),
  ];
  const envelopes = [others[0]!.envelope, target.envelope, others[1]!.envelope];
  const validationCodes = [0, options.validationCode ?? peer.TxValidationCode.VALID, 0];
  return {
    txId: target.txId,
    envelopes,
    blockBytes: committedBlock({ number: 42, envelopes, validationCodes }),
  };
}

function input(
  overrides: Partial<BuildProofBundleInput> & Pick<BuildProofBundleInput, 'blockBytes' | 'txId'>,
) {
  return {
    channel: CHANNEL,
    chaincode: CHAINCODE,
    recordKind: 'real-estate-certificate' as const,
    recordId: 'SYN-0001',
    recordKey: KEY,
    configBlockBytes: configBytes,
    now: NOW,
    ...overrides,
  };
}

function expectError(build: () => unknown, code: ProofBundleErrorCode, message: RegExp): void {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ProofBundleError);
    expect((error as ProofBundleError).code).toBe(code);
    expect((error as ProofBundleError).message).toMatch(message);
    return;
  }
  throw new Error(`expected a ProofBundleError ${code}`);
}

describe('buildProofBundle', () => {
  it('collects the block, the transaction, the written record and every org CA', () => {
    const { txId, envelopes, blockBytes } = blockAround([{ key: KEY, value: JSON.stringify(RECORD) }]);

    const bundle = buildProofBundle(input({ blockBytes, txId }));

    expect(bundle).toMatchObject({
      format: 'govtrace-proof-bundle/1',
      channel: CHANNEL,
      chaincode: CHAINCODE,
      record: { kind: 'real-estate-certificate', id: 'SYN-0001', key: KEY, value: RECORD },
      transaction: { txId, blockNumber: '42', txIndex: 1, validationCode: 'VALID' },
      createdAt: NOW.toISOString(),
    });
    expect(bundle.block.data).toEqual(envelopes.map((envelope) => Buffer.from(envelope).toString('base64')));
    expect([...Buffer.from(bundle.block.transactionsFilter, 'base64')]).toEqual([0, 0, 0]);
    const header = common.BlockHeader.deserializeBinary(Buffer.from(bundle.block.header, 'base64'));
    expect(header.getNumber()).toBe(42);
    expect(bundle.organizations).toEqual([
      { mspId: 'MarketMSP', rootCerts: [marketRoot], intermediateCerts: [marketIntermediate] },
      { mspId: 'OrdererMSP', rootCerts: [ordererRoot], intermediateCerts: [] },
      { mspId: 'RegistryMSP', rootCerts: [registryRoot], intermediateCerts: [] },
    ]);
  });

  it('reports the validation code of an invalid transaction instead of hiding it', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: JSON.stringify(RECORD) }], {
      validationCode: peer.TxValidationCode.MVCC_READ_CONFLICT,
    });

    expect(buildProofBundle(input({ blockBytes, txId })).transaction.validationCode).toBe(
      'MVCC_READ_CONFLICT',
    );
  });

  it('fails when the transaction is not in the block', () => {
    const { blockBytes } = blockAround([{ key: KEY, value: '{}' }]);

    expectError(
      () => buildProofBundle(input({ blockBytes, txId: 'f'.repeat(64) })),
      'TRANSACTION_NOT_IN_BLOCK',
      /is not in the block/,
    );
  });

  it.each([
    ['the key is not written', [{ key: 'something else', value: '{}' }]],
    ['the key is deleted', [{ key: KEY, isDelete: true }]],
  ])('fails when %s', (_case, writes: SyntheticWrite[]) => {
    const { txId, blockBytes } = blockAround(writes);

    expectError(() => buildProofBundle(input({ blockBytes, txId })), 'RECORD_NOT_WRITTEN', /does not write/);
  });

  it('fails when the key is written in another namespace', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: '{}' }]);

    expectError(
      () => buildProofBundle(input({ blockBytes, txId, chaincode: 'other' })),
      'RECORD_NOT_WRITTEN',
      /namespace other/,
    );
  });

  it('fails when the value is not JSON', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: 'not json' }]);

    expectError(() => buildProofBundle(input({ blockBytes, txId })), 'RECORD_NOT_JSON', /is not JSON/);
  });

  it('fails when the transaction is on another channel', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: '{}' }], { channel: 'elsewhere' });

    expectError(
      () => buildProofBundle(input({ blockBytes, txId })),
      'NOT_AN_ENDORSER_TRANSACTION',
      /on channel elsewhere/,
    );
  });

  it('fails on bytes that are not a block', () => {
    expectError(
      () => buildProofBundle(input({ blockBytes: Buffer.from('not a block at all'), txId: 'x' })),
      'MALFORMED_BLOCK',
      /does not decode|is missing/,
    );
  });

  it('fails when the transactions filter does not cover every envelope', () => {
    const target = transaction([{ key: KEY, value: '{}' }]);
    const blockBytes = committedBlock({ number: 1, envelopes: [target.envelope], validationCodes: [0, 0] });

    expectError(
      () => buildProofBundle(input({ blockBytes, txId: target.txId })),
      'MALFORMED_BLOCK',
      /2 entries for 1 envelopes/,
    );
  });

  it('fails when the configuration block is not one, or for another channel', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: '{}' }]);
    const otherChannel = configBlock({ channel: 'elsewhere', application: [], orderer: [] });

    expectError(
      () => buildProofBundle(input({ blockBytes, txId, configBlockBytes: blockBytes })),
      'MALFORMED_CONFIG',
      /is not one/,
    );
    expectError(
      () => buildProofBundle(input({ blockBytes, txId, configBlockBytes: otherChannel })),
      'MALFORMED_CONFIG',
      /channel elsewhere/,
    );
  });
});
