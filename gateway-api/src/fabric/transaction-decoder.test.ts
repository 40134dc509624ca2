import { common, peer } from '@hyperledger/fabric-protos';

import { readWriteSet } from '../../test/support/fabric-blocks';
import { processedTransaction, type TestTransaction } from '../../test/support/fabric-envelopes';
import { testCertificate } from '../../test/support/test-certificate';
import { ROLE_ATTRIBUTE } from './certificate';
import { decodeProcessedTransaction, TransactionDecodeError } from './transaction-decoder';

const TX_ID = 'f'.repeat(60) + '0a1b';
const clerk = testCertificate({
  organisation: 'RegistryMSP',
  commonName: 'registry-clerk',
  attributes: { [ROLE_ATTRIBUTE]: 'registry_clerk', 'hf.EnrollmentID': 'registry-clerk' },
});
const peerCert = (msp: string): string => testCertificate({ organisation: msp, commonName: `peer0.${msp}` });

const base: TestTransaction = {
  txId: TX_ID,
  // 2026-03-01T08:00:00.123456789Z
  timestamp: { seconds: 1772352000, nanos: 123_456_789 },
  creator: { mspId: 'RegistryMSP', idBytes: clerk },
  actions: [
    [
      { mspId: 'TaxMSP', certificate: peerCert('TaxMSP') },
      { mspId: 'RegistryMSP', certificate: peerCert('RegistryMSP') },
      { mspId: 'MarketMSP', certificate: peerCert('MarketMSP') },
    ],
  ],
};

describe('decodeProcessedTransaction', () => {
  it('reads id, block, validation code, time, creator and endorsing organisations', () => {
    expect(decodeProcessedTransaction(processedTransaction(base), 42n)).toEqual({
      txId: TX_ID,
      blockNumber: 42n,
      validationCode: 'VALID',
      timestamp: '2026-03-01T08:00:00.123Z',
      creator: { mspId: 'RegistryMSP', subject: 'registry-clerk', role: 'registry_clerk' },
      endorsers: ['MarketMSP', 'RegistryMSP', 'TaxMSP'],
      writes: new Map(),
    });
  });

  it('lists the public keys written and deleted per namespace, across actions, without reads', () => {
    const licence = '\u0000business.license\u000091350100M000100Y43\u0000';
    const tx = decodeProcessedTransaction(
      processedTransaction({
        ...base,
        actions: [[], []],
        results: [
          readWriteSet([
            { namespace: 'govtrace', writes: [licence], reads: ['\u0000business.case\u0000BO-1\u0000'] },
            { namespace: '_lifecycle', reads: ['namespaces/fields/govtrace/Sequence'] },
          ]),
          readWriteSet([
            { namespace: 'govtrace', deletes: ['old'], hashedWritesIn: 'marketPrivate' },
            { namespace: 'other', writes: ['k'] },
          ]),
        ],
      }),
      1n,
    );
    expect(tx.writes).toEqual(
      new Map([
        ['govtrace', [licence, 'old']],
        ['other', ['k']],
      ]),
    );
  });

  it.each([
    [peer.TxValidationCode.MVCC_READ_CONFLICT, 'MVCC_READ_CONFLICT'],
    [peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE, 'ENDORSEMENT_POLICY_FAILURE'],
    [peer.TxValidationCode.INVALID_OTHER_REASON, 'INVALID_OTHER_REASON'],
    [77, 'UNKNOWN_VALIDATION_CODE_77'],
  ])('names validation code %i %s', (code, name) => {
    const tx = decodeProcessedTransaction(processedTransaction({ ...base, validationCode: code }), 1n);
    expect(tx.validationCode).toBe(name);
  });

  it("carries the chaincode's return value, the bytes the submitter was answered", () => {
    const answer = Buffer.from('{"registrationId":"R-1"}');
    const tx = decodeProcessedTransaction(processedTransaction({ ...base, responses: [answer] }), 7n);
    expect(Buffer.from(tx.responsePayload ?? []).toString()).toBe('{"registrationId":"R-1"}');
    expect(decodeProcessedTransaction(processedTransaction(base), 7n).responsePayload).toBeUndefined();
  });

  it('lists each endorsing organisation once, across actions', () => {
    const actions = [
      [{ mspId: 'UrbanMSP', certificate: peerCert('UrbanMSP') }],
      [
        { mspId: 'UrbanMSP', certificate: peerCert('UrbanMSP') },
        { mspId: 'MarketMSP', certificate: peerCert('MarketMSP') },
      ],
    ];
    expect(decodeProcessedTransaction(processedTransaction({ ...base, actions }), 1n).endorsers).toEqual([
      'MarketMSP',
      'UrbanMSP',
    ]);
  });

  it('leaves out the role of a creator whose certificate has no govtrace.role (cryptogen users)', () => {
    const user1 = testCertificate({ organisation: 'MarketMSP', commonName: 'User1@market.govtrace.local' });
    const tx = decodeProcessedTransaction(
      processedTransaction({ ...base, creator: { mspId: 'MarketMSP', idBytes: user1 } }),
      1n,
    );
    expect(tx.creator).toEqual({ mspId: 'MarketMSP', subject: 'User1@market.govtrace.local' });
  });

  it('keeps the MSP of a creator whose identity is not an X.509 certificate', () => {
    const tx = decodeProcessedTransaction(
      processedTransaction({ ...base, creator: { mspId: 'IdemixMSP', idBytes: Buffer.of(1, 2, 3) } }),
      1n,
    );
    expect(tx.creator).toEqual({ mspId: 'IdemixMSP' });
  });

  it('has no endorsers for a channel configuration transaction', () => {
    const tx = decodeProcessedTransaction(
      processedTransaction({ ...base, headerType: common.HeaderType.CONFIG, actions: [] }),
      0n,
    );
    expect(tx.endorsers).toEqual([]);
    expect(tx.writes).toEqual(new Map());
  });

  it.each<[string, TestTransaction]>([
    ['no timestamp', { ...base, timestamp: undefined }],
    ['no transaction id', { ...base, txId: '' }],
    ['no creator MSP', { ...base, creator: { mspId: '', idBytes: clerk } }],
  ])('refuses a transaction with %s', (_label, tx) => {
    expect(() => decodeProcessedTransaction(processedTransaction(tx), 1n)).toThrow(TransactionDecodeError);
  });

  it('refuses a processed transaction without an envelope', () => {
    expect(() => decodeProcessedTransaction(new peer.ProcessedTransaction().serializeBinary(), 1n)).toThrow(
      TransactionDecodeError,
    );
  });

  it('throws on bytes that are not a processed transaction', () => {
    expect(() => decodeProcessedTransaction(Buffer.from('not protobuf at all'), 1n)).toThrow();
  });
});
