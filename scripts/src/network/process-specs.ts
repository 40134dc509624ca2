import * as path from 'node:path';
import { type ChaincodeName } from '../../../chaincode/src/common/definitions';
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
import { address, chaincodeServer, fqdn, type OrdererNode, type PeerOrg, type Topology } from './topology';

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
export function peerOperationsTls(org: PeerOrg): OperationsTls {
  return {
    server: crypto.peerTls(org),
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

export const peerProcessName = (org: PeerOrg): string => `peer-${org.key}`;
export const chaincodeServerName = (org: PeerOrg, definition: ChaincodeName): string =>
  `chaincode-${org.key}-${definition}`;
/** The one server per org of the single-definition chaincode, before one definition per department. */
export const legacyChaincodeServerName = (org: PeerOrg): string => `chaincode-${org.key}`;

export function peerSpec(org: PeerOrg): ProcessSpec {
  const tls = crypto.peerTls(org);
  const data = networkPath('peers', org.key);
  const peerAddress = address(org.peer);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    FABRIC_CFG_PATH: configDirs.peer(),
    FABRIC_LOGGING_SPEC: 'INFO',
    CORE_PEER_ID: fqdn.peer(org),
    CORE_PEER_ADDRESS: peerAddress,
    CORE_PEER_LISTENADDRESS: address({ host: listenHost(org.peer.host), port: org.peer.port }),
    CORE_PEER_CHAINCODEADDRESS: address(org.peer, org.peer.chaincodePort),
    CORE_PEER_CHAINCODELISTENADDRESS: address(org.peer, org.peer.chaincodePort),
    // Gossip: start from ourselves; other orgs find us through the anchor peer
    // in the channel configuration and this external endpoint.
    CORE_PEER_GOSSIP_BOOTSTRAP: peerAddress,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: peerAddress,
    // A transaction whose private data no member holds (e.g. one endorsed only by a department that
    // is not in the collection) is invalid anyway: do not hold the block for a minute pulling its
    // private data from peers that never had it, and pull genuinely missing data for at most 5 s.
    CORE_PEER_GOSSIP_PVTDATA_SKIPPULLINGINVALIDTRANSACTIONSDURINGCOMMIT: 'true',
    CORE_PEER_GOSSIP_PVTDATA_PULLRETRYTHRESHOLD: '5s',
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: crypto.peerMsp(org),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: tls.cert,
    CORE_PEER_TLS_KEY_FILE: tls.key,
    CORE_PEER_TLS_ROOTCERT_FILE: tls.ca,
    CORE_PEER_FILESYSTEMPATH: data,
    CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb',
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(data, 'snapshots'),
    CORE_OPERATIONS_LISTENADDRESS: address(org.peer, org.peer.operationsPort),
    ...peerOperationsTlsEnv(org.peer, peerOperationsTls(org)),
    CORE_METRICS_PROVIDER: 'prometheus',
    // No Docker: an empty endpoint keeps the peer from looking for one, and
    // our builder makes every chaincode an external service.
    CORE_VM_ENDPOINT: '',
    CORE_CHAINCODE_EXTERNALBUILDERS: `[{name: govtrace-ccaas, path: ${path.join(paths.networkDefinition, 'builders', 'ccaas')}}]`,
    CORE_PEER_GATEWAY_ENABLED: 'true',
  };
  return {
    name: peerProcessName(org),
    program: fabricBinary('peer'),
    args: ['node', 'start'],
    env,
    cwd: paths.repoRoot,
    listens: [
      { label: `${org.key} peer`, host: org.peer.host, port: org.peer.port },
      { label: `${org.key} peer chaincode listener`, host: org.peer.host, port: org.peer.chaincodePort },
      { label: `${org.key} peer operations`, host: org.peer.host, port: org.peer.operationsPort },
    ],
    health: operationsHealth(org.peer, org.peer.operationsPort, peerOperationsTls(org)),
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
