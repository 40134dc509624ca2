import { X509Certificate } from 'node:crypto';

import { msp } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../gateway-api/src/verify/proof-bundle/bundle-format';
import { serializedIdentity } from '../../../gateway-api/src/verify/proof-bundle/testing/synthetic-block';
import { verifyProofBundle } from './index';
import {
  CERTIFICATE_NUMBER,
  certificateRecord,
  createProofNetwork,
  licenceRecord,
  proofBundle,
  type ProofNetwork,
  USCC,
} from './testing/proof-network';
import {
  actionPayloadOf,
  alterCertificate,
  copy,
  flipByte,
  withActionPayload,
  withData,
  withEndorsement,
  withHeader,
} from './testing/tamper';

let network: ProofNetwork;
let valid: ProofBundle;

beforeAll(() => {
  network = createProofNetwork();
  valid = proofBundle(network);
});

afterAll(() => network.dispose());

function reasonOf(bundle: unknown, options?: Parameters<typeof verifyProofBundle>[1]): string {
  const result = verifyProofBundle(bundle, options);
  if (result.ok) throw new Error('expected the bundle to fail verification');
  return result.reason;
}

function fingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

describe('verifyProofBundle', () => {
  it('verifies a bundle of a certificate endorsed by RegistryMSP, after travelling as JSON', () => {
    const result = verifyProofBundle(copy(valid));

    expect(result).toEqual({
      ok: true,
      facts: {
        txId: valid.transaction.txId,
        blockNumber: '42',
        endorsers: ['RegistryMSP'],
        recordKind: 'real-estate-certificate',
        id: CERTIFICATE_NUMBER,
        contentHash: certificateRecord().contentHash,
      },
    });
  });

  it('verifies a business licence endorsed by MarketMSP through its intermediate CA', () => {
    const licence = proofBundle(network, { kind: 'business-license' });

    expect(verifyProofBundle(licence)).toEqual({
      ok: true,
      facts: expect.objectContaining({
        recordKind: 'business-license',
        id: USCC,
        endorsers: ['MarketMSP'],
      }) as unknown,
    });
  });

  it('accepts extra endorsements by other orgs as long as the responsible one endorsed', () => {
    const bundle = proofBundle(network, { endorsers: [network.taxPeer, network.registryPeer] });

    expect(verifyProofBundle(bundle)).toMatchObject({
      ok: true,
      facts: { endorsers: ['RegistryMSP', 'TaxMSP'] },
    });
  });

  it('accepts a pinned root and refuses one that is not pinned', () => {
    const pins = { RegistryMSP: [fingerprint(network.registryCa.certificate)] };
    expect(verifyProofBundle(valid, { trustedRootFingerprints: pins }).ok).toBe(true);

    const wrongPins = { RegistryMSP: [fingerprint(network.foreignCa.certificate)] };
    expect(reasonOf(valid, { trustedRootFingerprints: wrongPins })).toMatch(/not pinned/);
  });

  // Each forgery must fail, and for its own reason: the reasons are collected and compared at the end.
  const reasons = new Map<string, string>();
  const forgeries: [string, () => unknown, RegExp][] = [
    [
      'a byte of the record value changed',
      () => {
        const bundle = copy(valid);
        const value = structuredClone(bundle.record.value) as { content: { unitNumber: string } };
        value.content.unitNumber = value.content.unitNumber.replace(/1$/, '2');
        return { ...bundle, record: { ...bundle.record, value } };
      },
      /^write-set: the record value in the bundle differs from the value the endorsers wrote$/,
    ],
    [
      'the content hash is not the hash of the content (though endorsed)',
      () => proofBundle(network, { value: certificateRecord('0'.repeat(64)) }),
      /^record: the certificate's contentHash is not SHA-256 of its canonical content/,
    ],
    [
      'the certificate content names another certificate number',
      () =>
        proofBundle(network, {
          id: 'SYN(2026)0000002',
          key: '\u0000realestate.certificate\u0000SYN(2026)0000002\u0000',
        }),
      /^record: the certificate content is for "SYN\(2026\)0000001", not SYN\(2026\)0000002$/,
    ],
    [
      'a licence for another USCC',
      () => proofBundle(network, { kind: 'business-license', value: licenceRecord('91310000MA1FL9999X') }),
      /^record: the licence is for USCC/,
    ],
    [
      'an endorsement signature byte flipped',
      () =>
        withEndorsement(valid, network.registryClerk.privateKey, (endorsement) =>
          endorsement.setSignature(flipByte(endorsement.getSignature_asU8(), -1)),
        ),
      /^endorsement: the signature of endorser 1 \(RegistryMSP\) does not verify with its certificate's key$/,
    ],
    [
      "a byte of the endorser's certificate changed",
      () =>
        withEndorsement(valid, network.registryClerk.privateKey, (endorsement) =>
          endorsement.setEndorser(
            serializedIdentity(
              'RegistryMSP',
              alterCertificate(network.registryPeer.certificate, 'peer0', 'peer9'),
            ),
          ),
        ),
      /^endorsement: endorser 1's certificate \(or a CA on its chain\) is not validly signed by its RegistryMSP issuer$/,
    ],
    [
      'an endorser claiming an org it does not belong to',
      () =>
        withEndorsement(valid, network.registryClerk.privateKey, (endorsement) => {
          const identity = msp.SerializedIdentity.deserializeBinary(endorsement.getEndorser_asU8());
          endorsement.setEndorser(
            serializedIdentity('MarketMSP', Buffer.from(identity.getIdBytes_asU8()).toString()),
          );
        }),
      /^endorsement: endorser 1's certificate was not issued by any MarketMSP CA in the bundle$/,
    ],
    [
      'endorsements spliced in from another transaction writing the same record',
      () => {
        const other = actionPayloadOf(proofBundle(network));
        return withActionPayload(valid, network.registryClerk.privateKey, (actionPayload) =>
          actionPayload.setAction(other.getAction()),
        );
      },
      /^endorsement: the endorsed proposal hash does not match this transaction/,
    ],
    [
      "an org's root certificate replaced by another CA",
      () => {
        const bundle = copy(valid);
        const organizations = bundle.organizations.map((org) =>
          org.mspId === 'RegistryMSP' ? { ...org, rootCerts: [network.foreignCa.certificate] } : org,
        );
        return { ...bundle, organizations };
      },
      /^creator: the creator's certificate was not issued by any RegistryMSP CA in the bundle$/,
    ],
    [
      'an envelope in the block changed',
      () => {
        const bundle = copy(valid);
        const data = [...bundle.block.data];
        data[0] = flipByte(Buffer.from(data[0] ?? '', 'base64'), 10).toString('base64');
        return { ...bundle, block: { ...bundle.block, data } };
      },
      /^block: the block's envelopes do not hash to the header's data hash/,
    ],
    [
      "the header's number changed",
      () => withHeader(valid, (header) => header.setNumber(43)),
      /^block: the header is block 43, not 42$/,
    ],
    [
      'the validation filter says invalid',
      () => {
        const bundle = copy(valid);
        const filter = Buffer.from(bundle.block.transactionsFilter, 'base64');
        filter[bundle.transaction.txIndex] = 11; // MVCC_READ_CONFLICT
        return { ...bundle, block: { ...bundle.block, transactionsFilter: filter.toString('base64') } };
      },
      /^transaction: the peer marked the transaction invalid \(validation code 11\)$/,
    ],
    [
      'the bundle claims a validation code other than VALID',
      () => ({
        ...copy(valid),
        transaction: { ...valid.transaction, validationCode: 'ENDORSEMENT_POLICY_FAILURE' },
      }),
      /^transaction: the bundle states validation code ENDORSEMENT_POLICY_FAILURE, not VALID$/,
    ],
    [
      'the transaction index points at another transaction',
      () => ({ ...copy(valid), transaction: { ...valid.transaction, txIndex: 0 } }),
      /^transaction: the envelope at index 0 is transaction/,
    ],
    [
      'a transaction id that is not SHA-256(nonce || creator)',
      () => proofBundle(network, { txId: 'a'.repeat(64) }),
      /^transaction: the transaction id is not SHA-256\(nonce \|\| creator\)/,
    ],
    [
      'the envelope signature is not the creator’s',
      () => {
        const bundle = copy(valid);
        const { txIndex } = bundle.transaction;
        const data = [...bundle.block.data];
        data[txIndex] = flipByte(Buffer.from(data[txIndex] ?? '', 'base64'), -1).toString('base64');
        return withData(bundle, data);
      },
      /^creator: the envelope signature does not verify with the RegistryMSP creator's key$/,
    ],
    [
      'endorsements only by a non-responsible org (TaxMSP for a certificate)',
      () => proofBundle(network, { endorsers: [network.taxPeer] }),
      /^endorsement-policy: a real-estate-certificate must be endorsed by RegistryMSP, but only TaxMSP endorsed it$/,
    ],
    [
      'a licence endorsed by RegistryMSP instead of MarketMSP',
      () => proofBundle(network, { kind: 'business-license', endorsers: [network.registryPeer] }),
      /^endorsement-policy: a business-license must be endorsed by MarketMSP, but only RegistryMSP endorsed it$/,
    ],
    [
      'the record key missing from the write set',
      () => ({
        ...copy(valid),
        record: { ...valid.record, key: '\u0000realestate.certificate\u0000SYN(2026)0000002\u0000' },
      }),
      /^write-set: the endorsed write set of realestate does not write the record key$/,
    ],
    [
      "a certificate key written in the tax bureau's own namespace, endorsed by its peer",
      () => proofBundle(network, { chaincode: 'tax', endorsers: [network.taxPeer] }),
      /^bundle: a real-estate-certificate is held by chaincode realestate, but the bundle names "tax"$/,
    ],
    [
      'a licence bundle naming the real-estate definition',
      () => ({ ...copy(proofBundle(network, { kind: 'business-license' })), chaincode: 'realestate' }),
      /^bundle: a business-license is held by chaincode business, but the bundle names "realestate"$/,
    ],
    [
      'a bundle that claims the home definition for an action of another',
      () => ({ ...copy(proofBundle(network, { chaincode: 'tax' })), chaincode: 'realestate' }),
      /^write-set: the endorsed action is of chaincode tax, not realestate$/,
    ],
    [
      'a record key that is not the id’s composite key',
      () => proofBundle(network, { key: `${String(valid.record.key)}x` }),
      /^record: the record key is not the realestate.certificate key of/,
    ],
    [
      'a transaction before the certificates were valid',
      () => proofBundle(network, { timestamp: new Date('2020-01-01T00:00:00Z') }),
      /^creator: a certificate on the creator's chain .* was not valid at the transaction time 2020-01-01/,
    ],
    [
      'not a bundle at all',
      () => ({ format: 'something else' }),
      /^bundle: format is "something else", expected govtrace-proof-bundle\/1$/,
    ],
    [
      'block data that is not base64',
      () => ({ ...copy(valid), block: { ...valid.block, data: ['!!'] } }),
      /^bundle: block.data\[0\] is not base64$/,
    ],
  ];

  it.each(forgeries)('refuses %s', (name, forge, reason) => {
    const failure = reasonOf(forge());
    expect(failure).toMatch(reason);
    reasons.set(name, failure);
  });

  it('gives every forgery its own reason', () => {
    expect(reasons.size).toBe(forgeries.length);
    expect(new Set(reasons.values()).size).toBe(reasons.size);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, 'bundle', [], { ...valid, organizations: [{ mspId: 'X' }] }]) {
      expect(verifyProofBundle(input)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^bundle: /) as unknown,
      });
    }
  });
});
