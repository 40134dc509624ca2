import * as path from 'node:path';
import { networkPath } from '../lib/paths';
import { fqdn, type OrdererNode, type PeerNode, type PeerOrg, type Topology } from './topology';

/** Where cryptogen puts each identity; one function per thing we look up. */
export const cryptoRoot = (): string => networkPath('crypto');

export interface TlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

const ordererOrgDir = (topology: Topology): string =>
  path.join(cryptoRoot(), 'ordererOrganizations', topology.ordererOrg.domain);

const peerOrgDir = (org: PeerOrg): string => path.join(cryptoRoot(), 'peerOrganizations', org.domain);

function serverTls(nodeDir: string): TlsFiles {
  return {
    ca: path.join(nodeDir, 'tls', 'ca.crt'),
    cert: path.join(nodeDir, 'tls', 'server.crt'),
    key: path.join(nodeDir, 'tls', 'server.key'),
  };
}

function clientTls(userDir: string): TlsFiles {
  return {
    ca: path.join(userDir, 'tls', 'ca.crt'),
    cert: path.join(userDir, 'tls', 'client.crt'),
    key: path.join(userDir, 'tls', 'client.key'),
  };
}

export const crypto = {
  ordererNodeDir: (t: Topology, node: OrdererNode): string =>
    path.join(ordererOrgDir(t), 'orderers', fqdn.orderer(t, node)),
  ordererTls: (t: Topology, node: OrdererNode): TlsFiles => serverTls(crypto.ordererNodeDir(t, node)),
  ordererMsp: (t: Topology, node: OrdererNode): string => path.join(crypto.ordererNodeDir(t, node), 'msp'),
  ordererTlsCa: (t: Topology): string =>
    path.join(ordererOrgDir(t), 'tlsca', `tlsca.${t.ordererOrg.domain}-cert.pem`),
  ordererAdminDir: (t: Topology): string =>
    path.join(ordererOrgDir(t), 'users', `Admin@${t.ordererOrg.domain}`),
  ordererAdminTls: (t: Topology): TlsFiles => clientTls(crypto.ordererAdminDir(t)),

  peerNodeDir: (org: PeerOrg, node: PeerNode): string =>
    path.join(peerOrgDir(org), 'peers', fqdn.peer(org, node)),
  peerTls: (org: PeerOrg, node: PeerNode): TlsFiles => serverTls(crypto.peerNodeDir(org, node)),
  peerMsp: (org: PeerOrg, node: PeerNode): string => path.join(crypto.peerNodeDir(org, node), 'msp'),
  peerTlsCa: (org: PeerOrg): string => path.join(peerOrgDir(org), 'tlsca', `tlsca.${org.domain}-cert.pem`),
  orgCaDir: (org: PeerOrg): string => path.join(peerOrgDir(org), 'ca'),
  /** The org's MSP CA (cryptogen's `ca/`): the org's Fabric CA signs with exactly this cert and key. */
  orgSigningCa: (org: PeerOrg): { readonly cert: string; readonly key: string } => ({
    cert: path.join(peerOrgDir(org), 'ca', `ca.${org.domain}-cert.pem`),
    key: path.join(peerOrgDir(org), 'ca', 'priv_sk'),
  }),

  /** The TLS server identity of the org's chaincode-as-a-service process. */
  chaincodeServerTls: (org: PeerOrg): TlsFiles =>
    serverTls(path.join(peerOrgDir(org), 'peers', fqdn.chaincodeServer(org))),
  /** The TLS server identity of the org's Fabric CA listener (cryptogen node `ca`). */
  caServerTls: (org: PeerOrg): TlsFiles => serverTls(path.join(peerOrgDir(org), 'peers', fqdn.ca(org))),

  userMsp: (org: PeerOrg, user: string): string =>
    path.join(peerOrgDir(org), 'users', `${user}@${org.domain}`, 'msp'),
  userTls: (org: PeerOrg, user: string): TlsFiles =>
    clientTls(path.join(peerOrgDir(org), 'users', `${user}@${org.domain}`)),
};
