import { createHash, X509Certificate } from 'node:crypto';
import { dirname } from 'node:path';

import { common, peer } from '@hyperledger/fabric-protos';

import {
  ChaincodeNames,
  type ProofBundle,
  type ProofRecordKind,
  toCanonicalBytes,
} from '../../../../chaincode/src/contract';
import { buildProofBundle } from '../../../../gateway-api/src';
import {
  committedBlock,
  configBlock,
  endorserTransaction,
  headerDer,
  type SyntheticOrganization,
  type SyntheticSigner,
  type SyntheticWrite,
  type TestCa,
  TestPki,
} from '../../../../gateway-api/test/support';
import { opensslCrl } from '../../identity/testing/openssl-crl';

// Test-only: a govtrace-shaped network PKI (RegistryMSP, MarketMSP behind an intermediate CA, TaxMSP,
// an orderer org), its genesis block and fingerprint, and real proof bundles built by the gateway's
// builder from synthetic blocks signed by the orderer.

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
  /** An orderer node of OrdererMSP (OU=orderer), which signs blocks. */
  readonly orderer: SyntheticSigner;
  /** A client of OrdererMSP: a member, but not an orderer node. */
  readonly ordererClient: SyntheticSigner;
  /** The channel's genesis block: the configuration above, unsigned. */
  readonly genesis: Uint8Array;
  /** SHA-256 (hex) of the genesis block's header: what a verifier pins. */
  readonly fingerprint: string;
  /** A configuration block after `previousSequence` with the same organisations, optionally revoking. */
  configurationUpdate(update: ConfigurationUpdate): Uint8Array;
  dispose(): void;
}

export interface ConfigurationUpdate {
  readonly number: number;
  readonly sequence: number;
  /** Certificates (PEM) of `mspId` that its CA `issuer` revokes in the update's CRL. */
  readonly revoke?: {
    readonly mspId: string;
    readonly issuer: TestCa;
    readonly certificates: readonly string[];
  };
  /** Who signs the block; the network's orderer by default, unsigned with null. */
  readonly signedBy?: SyntheticSigner | null;
}

export function createProofNetwork(): ProofNetwork {
  const pki = new TestPki();
  const registryCa = pki.rootCa('registry-ca', '/O=RegistryMSP/CN=ca.registry');
  const marketCa = pki.rootCa('market-ca', '/O=MarketMSP/CN=ca.market');
  const marketIca = pki.intermediateCa('market-ica', '/O=MarketMSP/CN=ica.market', marketCa);
  const taxCa = pki.rootCa('tax-ca', '/O=TaxMSP/CN=ca.tax');
  const ordererCa = pki.rootCa('orderer-ca', '/O=OrdererMSP/CN=ca.orderer');
  const application: SyntheticOrganization[] = [
    { mspId: 'RegistryMSP', rootCerts: [registryCa.certificate] },
    { mspId: 'MarketMSP', rootCerts: [marketCa.certificate], intermediateCerts: [marketIca.certificate] },
    { mspId: 'TaxMSP', rootCerts: [taxCa.certificate] },
  ];
  const orderers: SyntheticOrganization[] = [{ mspId: 'OrdererMSP', rootCerts: [ordererCa.certificate] }];
  const orderer = pki.identity('OrdererMSP', 'orderer1', '/O=OrdererMSP/OU=orderer/CN=orderer1', ordererCa);
  const genesis = configBlock({ channel: CHANNEL, application, orderer: orderers });
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
    orderer,
    ordererClient: pki.identity(
      'OrdererMSP',
      'orderer-client',
      '/O=OrdererMSP/OU=client/CN=admin',
      ordererCa,
    ),
    genesis,
    fingerprint: fingerprintOf(genesis),
    configurationUpdate: ({ number, sequence, revoke, signedBy }) =>
      configBlock({
        channel: CHANNEL,
        number,
        sequence,
        application: application.map((organization) =>
          organization.mspId === revoke?.mspId
            ? { ...organization, revocationList: [crlOf(revoke.issuer, revoke.certificates)] }
            : organization,
        ),
        orderer: orderers,
        ...(signedBy !== null && { signedBy: signedBy ?? orderer }),
      }),
    dispose: () => pki.dispose(),
  };
}

/** A CRL of `issuer` revoking the given certificates. */
function crlOf(issuer: TestCa, certificates: readonly string[]): string {
  const serials = certificates.map((pem) => new X509Certificate(pem).serialNumber);
  return opensslCrl(
    { dir: dirname(issuer.keyPath), keyPath: issuer.keyPath, certificatePath: issuer.certificatePath },
    serials,
  );
}

/** The channel fingerprint of a genesis block: SHA-256 of its header's DER, as Fabric hashes blocks. */
export function fingerprintOf(genesis: Uint8Array): string {
  const header = common.Block.deserializeBinary(genesis).getHeader();
  if (header === undefined) throw new Error('the genesis block has no header');
  return createHash('sha256').update(headerDer(header)).digest('hex');
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
  /** The configuration chain to carry and the block the orderer names as in force; default genesis. */
  readonly configuration?: { readonly blocks: readonly Uint8Array[]; readonly lastConfig: number };
  /** Who signs block 42; the network's orderer by default. */
  readonly orderer?: SyntheticSigner;
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
  const configuration = options.configuration ?? { blocks: [network.genesis], lastConfig: 0 };
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
      signedBy: options.orderer ?? network.orderer,
      lastConfig: configuration.lastConfig,
    }),
    txId: target.txId,
    configurationBlocks: configuration.blocks,
    now: new Date(),
  });
}
