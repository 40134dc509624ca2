import { createHash } from 'node:crypto';

import { peer } from '@hyperledger/fabric-protos';

import { toCanonicalBytes } from '../../../../chaincode/src/common/canonical-json';
import { ChaincodeNames } from '../../../../chaincode/src/common/definitions';
import { buildProofBundle } from '../../../../gateway-api/src/verify/proof-bundle/build-proof-bundle';
import {
  type ProofBundle,
  type ProofRecordKind,
} from '../../../../gateway-api/src/verify/proof-bundle/bundle-format';
import {
  committedBlock,
  configBlock,
  endorserTransaction,
  type SyntheticSigner,
  type SyntheticWrite,
} from '../../../../gateway-api/src/verify/proof-bundle/testing/synthetic-block';
import { type TestCa, TestPki } from '../../../../gateway-api/src/verify/proof-bundle/testing/test-pki';

// Test-only: a govtrace-shaped network PKI (RegistryMSP, MarketMSP behind an intermediate CA, TaxMSP,
// an orderer org) and real proof bundles built by the gateway's builder from synthetic blocks.

export const CHANNEL = 'govtrace';
/** The definition (namespace) that holds each kind of record, as in RecordTypeHome. */
export const HOME: Readonly<Record<ProofRecordKind, string>> = {
  'real-estate-certificate': ChaincodeNames.RealEstate,
  'business-license': ChaincodeNames.Business,
};

export interface ProofNetwork {
  readonly registryCa: TestCa;
  /** A CA that belongs to no org, to stand in for a forger's. */
  readonly foreignCa: TestCa;
  readonly registryPeer: SyntheticSigner;
  readonly registryClerk: SyntheticSigner;
  readonly marketPeer: SyntheticSigner;
  readonly marketClerk: SyntheticSigner;
  readonly taxPeer: SyntheticSigner;
  readonly configBlock: Uint8Array;
  dispose(): void;
}

export function createProofNetwork(): ProofNetwork {
  const pki = new TestPki();
  const registryCa = pki.rootCa('registry-ca', '/O=RegistryMSP/CN=ca.registry');
  const marketCa = pki.rootCa('market-ca', '/O=MarketMSP/CN=ca.market');
  const marketIca = pki.intermediateCa('market-ica', '/O=MarketMSP/CN=ica.market', marketCa);
  const taxCa = pki.rootCa('tax-ca', '/O=TaxMSP/CN=ca.tax');
  const ordererCa = pki.rootCa('orderer-ca', '/O=OrdererMSP/CN=ca.orderer');
  return {
    registryCa,
    foreignCa: pki.rootCa('foreign-ca', '/O=Elsewhere/CN=ca.elsewhere'),
    registryPeer: pki.identity('RegistryMSP', 'registry-peer', '/O=RegistryMSP/OU=peer/CN=peer0', registryCa),
    registryClerk: pki.identity(
      'RegistryMSP',
      'registry-clerk',
      '/O=RegistryMSP/OU=client/CN=clerk1',
      registryCa,
    ),
    marketPeer: pki.identity('MarketMSP', 'market-peer', '/O=MarketMSP/OU=peer/CN=peer0', marketIca),
    marketClerk: pki.identity('MarketMSP', 'market-clerk', '/O=MarketMSP/OU=client/CN=clerk1', marketIca),
    taxPeer: pki.identity('TaxMSP', 'tax-peer', '/O=TaxMSP/OU=peer/CN=peer0', taxCa),
    configBlock: configBlock({
      channel: CHANNEL,
      application: [
        { mspId: 'RegistryMSP', rootCerts: [registryCa.certificate] },
        { mspId: 'MarketMSP', rootCerts: [marketCa.certificate], intermediateCerts: [marketIca.certificate] },
        { mspId: 'TaxMSP', rootCerts: [taxCa.certificate] },
      ],
      orderer: [{ mspId: 'OrdererMSP', rootCerts: [ordererCa.certificate] }],
    }),
    dispose: () => pki.dispose(),
  };
}

export const CERTIFICATE_NUMBER = 'SYN(2026)0000001';
export const CERTIFICATE_KEY = `\u0000realestate.certificate\u0000${CERTIFICATE_NUMBER}\u0000`;
export const USCC = '91310000MA1FL0000X';
export const LICENCE_KEY = `\u0000business.license\u0000${USCC}\u0000`;

const CONTENT = {
  certificateNumber: CERTIFICATE_NUMBER,
  kind: 'TITLE',
  unitNumber: '310101001001GB00001F00010001',
  registrationId: 'REG-0001',
  registrationType: 'FIRST',
  issuedAt: '2026-11-20T08:00:00.000Z',
  holders: [{ name: '张*三', share: '1/1' }],
  details: { area: '89.5' },
};

/** A certificate record as the chaincode writes it; `contentHash` overrides the computed hash. */
export function certificateRecord(contentHash?: string): Record<string, unknown> {
  return {
    content: CONTENT,
    contentHash: contentHash ?? createHash('sha256').update(toCanonicalBytes(CONTENT)).digest('hex'),
    status: 'ACTIVE',
    statusRegistrationId: null,
    statusChangedAt: null,
    holdersSequence: 1,
  };
}

export function licenceRecord(uscc = USCC): Record<string, unknown> {
  return { uscc, caseId: 'CASE-1', name: '某某科技有限公司', status: 'ACTIVE', statusHistory: [] };
}

export interface BundleOptions {
  readonly kind?: ProofRecordKind;
  readonly id?: string;
  readonly key?: string;
  readonly value?: unknown;
  readonly creator?: SyntheticSigner;
  readonly endorsers?: readonly SyntheticSigner[];
  readonly writes?: readonly SyntheticWrite[];
  readonly timestamp?: Date;
  readonly txId?: string;
  /** The definition whose action writes the record (and that the bundle names); default its home. */
  readonly chaincode?: string;
}

/** A bundle for a transaction in the middle of block 42, built by the gateway's builder. */
export function proofBundle(network: ProofNetwork, options: BundleOptions = {}): ProofBundle {
  const kind = options.kind ?? 'real-estate-certificate';
  const isCertificate = kind === 'real-estate-certificate';
  const key = options.key ?? (isCertificate ? CERTIFICATE_KEY : LICENCE_KEY);
  const value = options.value ?? (isCertificate ? certificateRecord() : licenceRecord());
  const responsible = isCertificate ? network.registryPeer : network.marketPeer;
  const chaincode = options.chaincode ?? HOME[kind];
  const transaction = (
    writes: readonly SyntheticWrite[],
    endorsers: readonly SyntheticSigner[],
    txId?: string,
  ) =>
    endorserTransaction({
      channel: CHANNEL,
      chaincode,
      creator: options.creator ?? (isCertificate ? network.registryClerk : network.marketClerk),
      endorsers,
      writes,
      timestamp: options.timestamp ?? new Date(),
      ...(txId !== undefined && { txId }),
    });
  const target = transaction(
    options.writes ?? [{ key, value: JSON.stringify(value) }],
    options.endorsers ?? [responsible],
    options.txId,
  );
  const neighbours = [0, 1].map(() => transaction([{ key: 'other', value: '{}' }], [network.taxPeer]));
  const envelopes = [neighbours[0]!.envelope, target.envelope, neighbours[1]!.envelope];
  return buildProofBundle({
    channel: CHANNEL,
    chaincode,
    recordKind: kind,
    recordId: options.id ?? (isCertificate ? CERTIFICATE_NUMBER : USCC),
    recordKey: key,
    blockBytes: committedBlock({
      number: 42,
      envelopes,
      validationCodes: envelopes.map(() => peer.TxValidationCode.VALID),
    }),
    txId: target.txId,
    configBlockBytes: network.configBlock,
    now: new Date(),
  });
}
