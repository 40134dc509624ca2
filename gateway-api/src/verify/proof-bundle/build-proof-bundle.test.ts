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
let registryPeer: SyntheticSigner;
let orderer: SyntheticSigner;
let genesis: Uint8Array;
let update5: Uint8Array;

beforeAll(() => {
  pki = new TestPki();
  const registryCa = pki.rootCa('registry-ca', '/O=RegistryMSP/CN=ca.registry');
  const marketCa = pki.rootCa('market-ca', '/O=MarketMSP/CN=ca.market');
  const marketIca = pki.intermediateCa('market-ica', '/O=MarketMSP/CN=ica.market', marketCa);
  const ordererCa = pki.rootCa('orderer-ca', '/O=OrdererMSP/CN=ca.orderer');
  registryPeer = pki.identity('RegistryMSP', 'registry-peer', '/O=RegistryMSP/OU=peer/CN=peer0', registryCa);
  orderer = pki.identity('OrdererMSP', 'orderer1', '/O=OrdererMSP/OU=orderer/CN=orderer1', ordererCa);
  const organizations = {
    channel: CHANNEL,
    application: [
      { mspId: 'RegistryMSP', rootCerts: [registryCa.certificate] },
      { mspId: 'MarketMSP', rootCerts: [marketCa.certificate], intermediateCerts: [marketIca.certificate] },
    ],
    orderer: [{ mspId: 'OrdererMSP', rootCerts: [ordererCa.certificate] }],
  };
  genesis = configBlock(organizations);
  update5 = configBlock({ ...organizations, number: 5, signedBy: orderer });
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
  options: { validationCode?: number; channel?: string; lastConfig?: number } = {},
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
    blockBytes: committedBlock({
      number: 42,
      envelopes,
      validationCodes,
      signedBy: orderer,
      lastConfig: options.lastConfig ?? 0,
    }),
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
    configurationBlocks: [genesis],
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
  it('collects the block with its orderer signatures, the transaction, the record and the configuration', () => {
    const { txId, envelopes, blockBytes } = blockAround([{ key: KEY, value: JSON.stringify(RECORD) }]);

    const bundle = buildProofBundle(input({ blockBytes, txId }));

    expect(bundle).toMatchObject({
      format: 'govtrace-proof-bundle/2',
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
    const block = common.Block.deserializeBinary(blockBytes);
    const signatures = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.SIGNATURES];
    expect(bundle.block.signatures).toBe(Buffer.from(signatures ?? []).toString('base64'));
    expect(bundle.configuration).toHaveLength(1);
    expect(bundle.configuration[0]).toMatchObject({ signatures: '' });
    expect(bundle).not.toHaveProperty('organizations');
  });

  it('carries the configuration chain from the genesis block to the one the block names', () => {
    const { txId, blockBytes } = blockAround([{ key: KEY, value: JSON.stringify(RECORD) }], {
      lastConfig: 5,
    });

    const bundle = buildProofBundle(input({ blockBytes, txId, configurationBlocks: [genesis, update5] }));

    const numbers = bundle.configuration.map((block) =>
      common.BlockHeader.deserializeBinary(Buffer.from(block.header, 'base64')).getNumber(),
    );
    expect(numbers).toEqual([0, 5]);
    expect(bundle.configuration[1]?.signatures).not.toBe('');
  });

  it.each([
    [
      'stops short of the configuration in force',
      () => [genesis],
      5,
      /from block 0 to block 5 in order, got blocks 0$/,
    ],
    ['does not start at the genesis block', () => [update5], 5, /got blocks 5$/],
    ['is out of order', () => [update5, genesis], 5, /got blocks 5, 0$/],
  ])(
    'fails when the configuration chain %s',
    (_case, blocks: () => Uint8Array[], lastConfig: number, message: RegExp) => {
      const { txId, blockBytes } = blockAround([{ key: KEY, value: '{}' }], { lastConfig });

      expectError(
        () => buildProofBundle(input({ blockBytes, txId, configurationBlocks: blocks() })),
        'MALFORMED_CONFIG',
        message,
      );
    },
  );

  it('fails when a later block carries no orderer signature', () => {
    const target = transaction([{ key: KEY, value: '{}' }]);
    const blockBytes = committedBlock({ number: 42, envelopes: [target.envelope] });

    expectError(
      () => buildProofBundle(input({ blockBytes, txId: target.txId })),
      'MALFORMED_BLOCK',
      /block 42 carries no orderer signatures/,
    );
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
    const blockBytes = committedBlock({
      number: 1,
      envelopes: [target.envelope],
      validationCodes: [0, 0],
      signedBy: orderer,
    });

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
      () => buildProofBundle(input({ blockBytes, txId, configurationBlocks: [blockBytes] })),
      'MALFORMED_CONFIG',
      /is not a configuration block/,
    );
    expectError(
      () => buildProofBundle(input({ blockBytes, txId, configurationBlocks: [otherChannel] })),
      'MALFORMED_CONFIG',
      /channel elsewhere/,
    );
  });
});
