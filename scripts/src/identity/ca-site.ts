import * as path from 'node:path';
import { networkPath } from '../lib/paths';
import { crypto, type TlsFiles } from '../network/crypto-layout';
import { type OperationsTls } from '../network/operations-tls';
import { address, type PeerOrg, type Topology } from '../network/topology';
import { OperatorError } from '../lib/errors';

/**
 * Everything needed to run one organisation's Fabric CA and to talk to it.
 * Built from the topology for the network, or from temporary files in tests.
 */
export interface CaSite {
  /** The CA's name (`--caname`), also its process name under the supervisor. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly operationsPort: number;
  /** fabric-ca-server's home: config, database, keystore, and the files below. */
  readonly home: string;
  /** The org's MSP CA: certificates signed with it make their holders members of the org. */
  readonly signing: { readonly cert: string; readonly key: string };
  /** The listener's TLS server certificate and key. */
  readonly tls: Pick<TlsFiles, 'cert' | 'key'>;
  /** What clients check the listener's certificate against (the org's TLS CA). */
  readonly tlsRootCert: string;
  /** O= in the users' certificate subjects. */
  readonly organization: string;
  /** Its operations endpoint's TLS, used off loopback only (network/operations-tls.ts). */
  readonly operationsTls: OperationsTls;
}

export const caProcessName = (org: PeerOrg): string => `ca-${org.key}`;

export function caSiteFor(org: PeerOrg): CaSite {
  const tls = crypto.caServerTls(org);
  return {
    name: caProcessName(org),
    host: org.ca.host,
    port: org.ca.port,
    operationsPort: org.ca.operationsPort,
    home: networkPath('ca', org.key),
    signing: crypto.orgSigningCa(org),
    tls: { cert: tls.cert, key: tls.key },
    tlsRootCert: tls.ca,
    organization: org.domain,
    operationsTls: { server: tls, clientRootCa: crypto.peerTlsCa(org), probe: crypto.userTls(org, 'Admin') },
  };
}

/** Files inside a CA's home folder. */
export interface CaFiles {
  readonly config: string;
  readonly database: string;
  /** The bootstrap admin's password: generated on first start, 0600. */
  readonly adminPassword: string;
  /** The bootstrap admin's fabric-ca-client home (its enrollment, used to register and revoke). */
  readonly adminHome: string;
  readonly adminCert: string;
  /** Where fabric-ca-client leaves the CRL that `revoke --gencrl` fetched. */
  readonly adminCrl: string;
  /** Our copy of the latest CRL, for the operator to add to the channel's MSP. */
  readonly crl: string;
}

export function caFiles(site: CaSite): CaFiles {
  const admin = path.join(site.home, 'admin');
  return {
    config: path.join(site.home, 'fabric-ca-server-config.yaml'),
    database: path.join(site.home, 'fabric-ca-server.db'),
    adminPassword: path.join(site.home, 'admin-password'),
    adminHome: admin,
    adminCert: path.join(admin, 'msp', 'signcerts', 'cert.pem'),
    adminCrl: path.join(admin, 'msp', 'crls', 'crl.pem'),
    crl: path.join(site.home, 'crl.pem'),
  };
}

export const caUrl = (site: CaSite): string => `https://${address(site)}`;

export function orgByMsp(topology: Topology, mspId: string): PeerOrg {
  const org = topology.peerOrgs.find((candidate) => candidate.mspId === mspId);
  if (!org) {
    throw new OperatorError(
      `no organisation ${mspId} in network/topology.yaml`,
      `Organisations: ${topology.peerOrgs.map((o) => o.mspId).join(', ')}.`,
    );
  }
  return org;
}
