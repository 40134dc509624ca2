import * as path from 'node:path';
import { type ChaincodeName } from '../../../chaincode/src/contract';
import { chaincodeModulePath } from '../deploy/chaincode-entry';
import { binDirFor } from '../fabric/build-binaries';
import { fabricPin } from '../fabric/pin';
import { networkPath, paths } from '../lib/paths';
import { type ProcessSpec } from '../process/supervisor';
import { crypto } from './crypto-layout';
import {
  operationsHealth,
  type OperationsTls,
  ordererOperationsTlsEnv,
  peerOperationsTlsEnv,
} from './operations-tls';
import {
  address,
  anchorPeer,
  chaincodeServer,
  fqdn,
  type OrdererNode,
  type PeerNode,
  type PeerOrg,
  peerProcessName,
  peerSockets,
  type Topology,
} from './topology';

/**
 * The environment of each Fabric process: Fabric's sampleconfig defaults,
 * overridden by CORE_* / ORDERER_* variables built from topology.yaml.
 */
export const configDirs = {
  peer: (): string => networkPath('config', 'peer'),
  orderer: (): string => networkPath('config', 'orderer'),
  configtx: (): string => networkPath('config', 'configtx'),
};

export const channelBlockFile = (t: Topology): string => networkPath('channel', `${t.channel}.block`);

const fabricBinary = (name: string): string => path.join(binDirFor(fabricPin), name);

/** Listen on the node's own host; for a remote host that is its public interface. */
const listenHost = (host: string): string => host;

/** An orderer's operations TLS: its own server certificate; the orderer org's admin may call it. */
export function ordererOperationsTls(t: Topology, node: OrdererNode): OperationsTls {
  const tls = crypto.ordererTls(t, node);
  return { server: tls, clientRootCa: crypto.ordererTlsCa(t), probe: crypto.ordererAdminTls(t) };
}

/** A peer's operations TLS: its own server certificate; its org's admin may call it. */
export function peerOperationsTls(org: PeerOrg, node: PeerNode): OperationsTls {
  return {
    server: crypto.peerTls(org, node),
    clientRootCa: crypto.peerTlsCa(org),
    probe: crypto.userTls(org, 'Admin'),
  };
}

export function ordererSpec(t: Topology, node: OrdererNode): ProcessSpec {
  const tls = crypto.ordererTls(t, node);
  const data = networkPath('orderers', node.name);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    FABRIC_CFG_PATH: configDirs.orderer(),
    FABRIC_LOGGING_SPEC: 'INFO',
    ORDERER_GENERAL_LISTENADDRESS: listenHost(node.host),
    ORDERER_GENERAL_LISTENPORT: String(node.port),
    ORDERER_GENERAL_LOCALMSPID: t.ordererOrg.mspId,
    ORDERER_GENERAL_LOCALMSPDIR: crypto.ordererMsp(t, node),
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_PRIVATEKEY: tls.key,
    ORDERER_GENERAL_TLS_CERTIFICATE: tls.cert,
    ORDERER_GENERAL_TLS_ROOTCAS: `[${tls.ca}]`,
    // Raft traffic shares the client port; orderers authenticate each other with their TLS certs.
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: tls.cert,
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: tls.key,
    ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${tls.ca}]`,
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
    ORDERER_ADMIN_LISTENADDRESS: address(node, node.adminPort),
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: tls.cert,
    ORDERER_ADMIN_TLS_PRIVATEKEY: tls.key,
    ORDERER_ADMIN_TLS_ROOTCAS: `[${tls.ca}]`,
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${tls.ca}]`,
    ORDERER_OPERATIONS_LISTENADDRESS: address(node, node.operationsPort),
    ...ordererOperationsTlsEnv(node, ordererOperationsTls(t, node)),
    ORDERER_METRICS_PROVIDER: 'prometheus',
    ORDERER_FILELEDGER_LOCATION: path.join(data, 'ledger'),
    ORDERER_CONSENSUS_WALDIR: path.join(data, 'etcdraft', 'wal'),
    ORDERER_CONSENSUS_SNAPDIR: path.join(data, 'etcdraft', 'snapshot'),
  };
  return {
    name: node.name,
    program: fabricBinary('orderer'),
    args: [],
    env,
    cwd: paths.repoRoot,
    listens: [
      { label: `${node.name} (client and Raft)`, host: node.host, port: node.port },
      { label: `${node.name} admin`, host: node.host, port: node.adminPort },
      { label: `${node.name} operations`, host: node.host, port: node.operationsPort },
    ],
    health: operationsHealth(node, node.operationsPort, ordererOperationsTls(t, node)),
  };
}

export const chaincodeServerName = (org: PeerOrg, definition: ChaincodeName): string =>
  `chaincode-${org.key}-${definition}`;
/** The one server per org of the single-definition chaincode, before one definition per department. */
export const legacyChaincodeServerName = (org: PeerOrg): string => `chaincode-${org.key}`;

/**
 * A peer's data folder (ledger, state, private data store, transient store, snapshots). The first
 * peer keeps the one-peer layout's `peers/<org>`, so an existing network's ledgers stay where they are.
 */
export const peerDataDir = (org: PeerOrg, node: PeerNode): string =>
  node.name === anchorPeer(org).name
    ? networkPath('peers', org.key)
    : networkPath('peers', `${org.key}-${node.name}`);

/**
 * Where a peer's gossip starts: the other peers of its org (other orgs find it through the anchor
 * peer and its external endpoint). A second peer starts from the first; the first from the others,
 * so either can be started first; a lone peer from itself, as Fabric needs some value.
 */
export function gossipBootstrap(org: PeerOrg, node: PeerNode): string {
  const first = anchorPeer(org);
  if (node.name !== first.name) return address(first);
  const others = org.peers.filter((p) => p.name !== first.name);
  return others.length > 0 ? others.map((p) => address(p)).join(' ') : address(node);
}

export function peerSpec(org: PeerOrg, node: PeerNode): ProcessSpec {
  const tls = crypto.peerTls(org, node);
  const data = peerDataDir(org, node);
  const peerAddress = address(node);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    FABRIC_CFG_PATH: configDirs.peer(),
    FABRIC_LOGGING_SPEC: 'INFO',
    CORE_PEER_ID: fqdn.peer(org, node),
    CORE_PEER_ADDRESS: peerAddress,
    CORE_PEER_LISTENADDRESS: address({ host: listenHost(node.host), port: node.port }),
    CORE_PEER_CHAINCODEADDRESS: address(node, node.chaincodePort),
    CORE_PEER_CHAINCODELISTENADDRESS: address(node, node.chaincodePort),
    CORE_PEER_GOSSIP_BOOTSTRAP: gossipBootstrap(org, node),
    // Every peer, not only the anchor, is reachable by other orgs: private data of a collection
    // shared with another department is disseminated to (and reconciled from) any member peer.
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: peerAddress,
    // No leader election: every peer is its own org leader and pulls blocks from the orderers
    // itself (Fabric's default since 2.2), so a stopped peer never holds back its org's other peers.
    CORE_PEER_GOSSIP_USELEADERELECTION: 'false',
    CORE_PEER_GOSSIP_ORGLEADER: 'true',
    // A transaction whose private data no member holds (e.g. one endorsed only by a department that
    // is not in the collection) is invalid anyway: do not hold the block for a minute pulling its
    // private data from peers that never had it, and pull genuinely missing data for at most 5 s.
    // Data still missing after that is fetched later by reconciliation (on by default).
    CORE_PEER_GOSSIP_PVTDATA_SKIPPULLINGINVALIDTRANSACTIONSDURINGCOMMIT: 'true',
    CORE_PEER_GOSSIP_PVTDATA_PULLRETRYTHRESHOLD: '5s',
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: crypto.peerMsp(org, node),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: tls.cert,
    CORE_PEER_TLS_KEY_FILE: tls.key,
    CORE_PEER_TLS_ROOTCERT_FILE: tls.ca,
    CORE_PEER_FILESYSTEMPATH: data,
    CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb',
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(data, 'snapshots'),
    CORE_OPERATIONS_LISTENADDRESS: address(node, node.operationsPort),
    ...peerOperationsTlsEnv(node, peerOperationsTls(org, node)),
    CORE_METRICS_PROVIDER: 'prometheus',
    // No Docker: an empty endpoint keeps the peer from looking for one, and
    // our builder makes every chaincode an external service.
    CORE_VM_ENDPOINT: '',
    CORE_CHAINCODE_EXTERNALBUILDERS: `[{name: govtrace-ccaas, path: ${path.join(paths.networkDefinition, 'builders', 'ccaas')}}]`,
    CORE_PEER_GATEWAY_ENABLED: 'true',
  };
  return {
    name: peerProcessName(org, node),
    program: fabricBinary('peer'),
    args: ['node', 'start'],
    env,
    cwd: paths.repoRoot,
    listens: peerSockets(org, node),
    health: operationsHealth(node, node.operationsPort, peerOperationsTls(org, node)),
  };
}

/**
 * The org's chaincode server for one definition: our TypeScript chaincode in fabric-shim's server
 * mode, TLS on, loading only that definition's contracts (its module path), on that definition's port.
 */
export function chaincodeServerSpec(org: PeerOrg, definition: ChaincodeName, packageId: string): ProcessSpec {
  const tls = crypto.chaincodeServerTls(org);
  const endpoint = chaincodeServer(org, definition);
  const cli = require.resolve('fabric-shim/cli.js', { paths: [paths.chaincodeSource] });
  return {
    name: chaincodeServerName(org, definition),
    program: process.execPath,
    args: [
      cli,
      'server',
      '--chaincode-address',
      address(endpoint),
      '--chaincode-id',
      packageId,
      '--chaincode-tls-cert-file',
      tls.cert,
      '--chaincode-tls-key-file',
      tls.key,
      // Mutual TLS: only a client holding a certificate from the org's TLS CA (its peer) may connect.
      '--chaincode-tls-client-cacert-file',
      crypto.peerTlsCa(org),
      '--module-path',
      chaincodeModulePath(definition),
    ],
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], CORE_CHAINCODE_LOGGING_LEVEL: 'info' },
    cwd: paths.chaincodeSource,
    listens: [{ label: `${org.key} chaincode server ${definition}`, ...endpoint }],
    health: { kind: 'tcp', ...endpoint },
  };
}
