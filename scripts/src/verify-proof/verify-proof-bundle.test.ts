import { common, msp, peer } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../chaincode/src/contract';
import { serializedIdentity } from '../../../gateway-api/test/support';
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
/** Another govtrace-shaped network with its own CAs: what a forger can make. */
let forger: ProofNetwork;
let valid: ProofBundle;

beforeAll(() => {
  network = createProofNetwork();
  forger = createProofNetwork();
  valid = proofBundle(network);
});

afterAll(() => {
  network.dispose();
  forger.dispose();
});

/** Verifies against the network's pinned fingerprint unless told otherwise. */
function verify(bundle: unknown, fingerprint = network.fingerprint) {
  return verifyProofBundle(bundle, { channelFingerprint: fingerprint });
}

function reasonOf(bundle: unknown, fingerprint?: string): string {
  const result = verify(bundle, fingerprint);
  if (result.ok) throw new Error('expected the bundle to fail verification');
  return result.reason;
}

/** The bundle with block 42's SIGNATURES metadata changed by `mutate`. */
function withOrdererMetadata(bundle: ProofBundle, mutate: (metadata: common.Metadata) => void): ProofBundle {
  const metadata = common.Metadata.deserializeBinary(Buffer.from(bundle.block.signatures, 'base64'));
  mutate(metadata);
  const signatures = Buffer.from(metadata.serializeBinary()).toString('base64');
  return { ...copy(bundle), block: { ...bundle.block, signatures } };
}

describe('verifyProofBundle', () => {
  it('verifies a bundle of a certificate endorsed by RegistryMSP, after travelling as JSON', () => {
    const result = verify(copy(valid));

    expect(result).toEqual({
      ok: true,
      facts: {
        txId: valid.transaction.txId,
        blockNumber: '42',
        endorsers: ['RegistryMSP'],
        orderers: ['OrdererMSP'],
        configurationBlock: 0,
        recordKind: 'real-estate-certificate',
        id: CERTIFICATE_NUMBER,
        status: 'ACTIVE',
        contentHash: certificateRecord().contentHash,
      },
    });
  });

  it('accepts the fingerprint with colons and in capitals, as tools print it', () => {
    const printed = network.fingerprint.toUpperCase().replace(/(..)(?!$)/g, '$1:');
    expect(verify(valid, printed).ok).toBe(true);
  });

  it('follows the configuration chain to the configuration in force for the block', () => {
    const update = network.configurationUpdate({ number: 5, sequence: 1 });
    const bundle = proofBundle(network, {
      configuration: { blocks: [network.genesis, update], lastConfig: 5 },
    });

    expect(verify(bundle)).toMatchObject({ ok: true, facts: { configurationBlock: 5 } });
  });

  it('verifies a business licence endorsed by MarketMSP through its intermediate CA', () => {
    const licence = proofBundle(network, { kind: 'business-license' });

    expect(verify(licence)).toEqual({
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

    expect(verify(bundle)).toMatchObject({
      ok: true,
      facts: { endorsers: ['RegistryMSP', 'TaxMSP'] },
    });
  });

  it('refuses an edited write set, even one the bundle agrees with and the client re-signed', () => {
    const edited = withActionPayload(valid, network.registryClerk.privateKey, (actionPayload) => {
      const endorsed = actionPayload.getAction();
      if (endorsed === undefined) throw new Error('no endorsed action');
      const response = peer.ProposalResponsePayload.deserializeBinary(
        endorsed.getProposalResponsePayload_asU8(),
      );
      const action = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
      const text = Buffer.from(action.getResults_asU8()).toString('latin1');
      action.setResults(Buffer.from(text.replace('"ACTIVE"', '"ACTIVF"'), 'latin1'));
      response.setExtension$(action.serializeBinary());
      endorsed.setProposalResponsePayload(response.serializeBinary());
      actionPayload.setAction(endorsed);
    });
    const value = { ...certificateRecord(), status: 'ACTIVF' };
    const consistent = { ...edited, record: { ...edited.record, value } };

    expect(reasonOf(consistent)).toBe(
      "endorsement: the signature of endorser 1 (RegistryMSP) does not verify with its certificate's key",
    );
  });

  it('refuses orderer metadata edited to name another configuration (the signature covers it)', () => {
    const edited = withOrdererMetadata(valid, (metadata) => {
      const last = new common.LastConfig();
      last.setIndex(7);
      const value = new common.OrdererBlockMetadata();
      value.setLastConfig(last);
      metadata.setValue(value.serializeBinary());
    });

    expect(reasonOf(edited)).toBe(
      'ordering: orderer signature 1 of block 42 (OrdererMSP) does not verify over the block header and metadata',
    );
  });

  it('refuses to verify anything without a pinned channel fingerprint', () => {
    for (const fingerprint of [undefined, '', '  ']) {
      expect(
        verifyProofBundle(valid, fingerprint === undefined ? {} : { channelFingerprint: fingerprint }),
      ).toEqual({
        ok: false,
        reason:
          'trust: no channel fingerprint is pinned: a bundle can only be checked against a trusted channel',
      });
    }
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
      /^endorsement: endorser 1's certificate was not issued by any MarketMSP CA$/,
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
      'a self-made CA: a consistent bundle of a network the forger made up',
      () => proofBundle(forger),
      /^trust: the bundle's genesis block hashes to [0-9a-f]{64}, not the pinned channel fingerprint/,
    ],
    [
      'the genuine genesis block followed by a configuration update signed by a made-up orderer',
      () => {
        const update = network.configurationUpdate({ number: 5, sequence: 1, signedBy: forger.orderer });
        return proofBundle(network, { configuration: { blocks: [network.genesis, update], lastConfig: 5 } });
      },
      /^ordering: orderer signature 1 of configuration block 5's certificate was not issued by any OrdererMSP CA$/,
    ],
    [
      'a configuration update signed by a peer instead of the orderers',
      () => {
        const update = network.configurationUpdate({
          number: 5,
          sequence: 1,
          signedBy: network.registryPeer,
        });
        return proofBundle(network, { configuration: { blocks: [network.genesis, update], lastConfig: 5 } });
      },
      /^ordering: orderer signature 1 of configuration block 5 claims MSP "RegistryMSP", not an organisation of the ordering service of configuration block 0$/,
    ],
    [
      'a configuration update skipped (sequence 2 right after the genesis block)',
      () => {
        const update = network.configurationUpdate({ number: 9, sequence: 2 });
        return proofBundle(network, { configuration: { blocks: [network.genesis, update], lastConfig: 9 } });
      },
      /^configuration: configuration block 9 has configuration sequence 2 after 0: an update is missing$/,
    ],
    [
      'an older configuration than the one in force (leaving out a revocation)',
      () => {
        const update = network.configurationUpdate({ number: 5, sequence: 1 });
        const bundle = proofBundle(network, {
          configuration: { blocks: [network.genesis, update], lastConfig: 5 },
        });
        return { ...copy(bundle), configuration: bundle.configuration.slice(0, 1) };
      },
      /^configuration: block 42 was ordered under configuration block 5, but the bundle's configuration ends at block 0$/,
    ],
    [
      'an endorser whose certificate its CA revoked before the transaction',
      () => {
        const update = network.configurationUpdate({
          number: 5,
          sequence: 1,
          revoke: {
            mspId: 'RegistryMSP',
            issuer: network.registryCa,
            certificates: [network.registryPeer.certificate],
          },
        });
        return proofBundle(network, {
          creator: network.registryPeer,
          configuration: { blocks: [network.genesis, update], lastConfig: 5 },
        });
      },
      /^creator: the creator's certificate \(or a CA on its chain; serial [0-9a-f]+\) is revoked by a CRL of RegistryMSP$/,
    ],
    [
      'a client certificate (a clerk’s) as the endorser',
      () => proofBundle(network, { endorsers: [network.registryClerk] }),
      /^endorsement: endorser 1's certificate is a client identity, not a peer of RegistryMSP$/,
    ],
    [
      'an unordered proposal: the block carries no orderer signature',
      () => withOrdererMetadata(valid, (metadata) => metadata.setSignaturesList([])),
      /^ordering: block 42 carries no orderer signature: nothing shows the orderers ordered it$/,
    ],
    [
      'a forged orderer signature',
      () =>
        withOrdererMetadata(valid, (metadata) => {
          const [signature] = metadata.getSignaturesList();
          signature?.setSignature(flipByte(signature.getSignature_asU8(), -1));
        }),
      /^ordering: orderer signature 1 of block 42 \(OrdererMSP\) does not verify over the block header and metadata$/,
    ],
    [
      'a block signed by a member of the orderer org that is not an orderer node',
      () => proofBundle(network, { orderer: network.ordererClient }),
      /^ordering: orderer signature 1 of block 42's certificate is a client identity, not an orderer of OrdererMSP$/,
    ],
    [
      'a cancelled certificate',
      () => proofBundle(network, { value: { ...certificateRecord(), status: 'CANCELLED' } }),
      /^status: the bundle proves that transaction [0-9a-f]{64} made real-estate-certificate SYN\(2026\)0000001 CANCELLED: it is not in force$/,
    ],
    [
      'a revoked licence',
      () =>
        proofBundle(network, { kind: 'business-license', value: { ...licenceRecord(), status: 'REVOKED' } }),
      /^status: the bundle proves that transaction [0-9a-f]{64} made business-license .* REVOKED: it is not in force$/,
    ],
    [
      'an envelope in the block changed',
      () => {
        const bundle = copy(valid);
        const data = [...bundle.block.data];
        data[0] = flipByte(Buffer.from(data[0] ?? '', 'base64'), 10).toString('base64');
        return { ...bundle, block: { ...bundle.block, data } };
      },
      /^block: the envelopes of the block do not hash to its header's data hash/,
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
      /^creator: a certificate on the creator's chain .* was not valid at 2020-01-01/,
    ],
    [
      'not a bundle at all',
      () => ({ format: 'something else' }),
      /^bundle: format is "something else", expected govtrace-proof-bundle\/2$/,
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
    for (const input of [undefined, null, 42, 'bundle', [], { ...valid, configuration: [{ header: 'X' }] }]) {
      expect(verify(input)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^bundle: /) as unknown,
      });
    }
  });
});
