import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { type ChaincodeName, definitionsFor } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface OrdererNode extends Endpoint {
  readonly name: string;
  readonly adminPort: number;
  readonly operationsPort: number;
}

export interface PeerNode extends Endpoint {
  readonly name: string;
  readonly chaincodePort: number;
  readonly operationsPort: number;
}

/** The org's Fabric CA: its signing CA is the org's MSP CA, so the users it enrolls are members. */
export interface CaNode extends Endpoint {
  readonly operationsPort: number;
}

/**
 * The org's chaincode-as-a-service processes: one per chaincode definition, all on one host (so one
 * TLS server certificate covers them), each definition on its own port.
 */
export interface ChaincodeServers {
  readonly host: string;
  readonly ports: Readonly<Record<ChaincodeName, number>>;
}

export interface PeerOrg {
  /** Short name used for folders, process names and log files. */
  readonly key: string;
  readonly mspId: string;
  readonly domain: string;
  /**
   * The department's peers, at least one. The first is the anchor peer (in the channel
   * configuration), the one the gateway, the tests and the admin commands talk to, and the gossip
   * bootstrap of the others; a second peer keeps the org's private data on a second disk.
   */
  readonly peers: readonly [PeerNode, ...PeerNode[]];
  readonly chaincodeServers: ChaincodeServers;
  readonly ca: CaNode;
}

export interface Topology {
  readonly channel: string;
  readonly ordererOrg: {
    readonly mspId: string;
    readonly domain: string;
    readonly orderers: readonly OrdererNode[];
  };
  readonly peerOrgs: readonly PeerOrg[];
}

/** Reads a YAML tree field by field so a typo in topology.yaml is named, not crashed on. */
class Reader {
  constructor(
    private readonly value: unknown,
    private readonly at: string,
  ) {}

  field(name: string): Reader {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw this.problem('must be a mapping');
    }
    return new Reader((this.value as Record<string, unknown>)[name], this.at ? `${this.at}.${name}` : name);
  }

  /** The mapping's keys, for refusing names nobody reads (a typo would otherwise be ignored). */
  keys(): string[] {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw this.problem('must be a mapping');
    }
    return Object.keys(this.value);
  }

  /**
   * Refuses keys nobody reads: a typo, or a key of an older layout (`renamed` maps it to what
   * replaced it), would otherwise be ignored silently.
   */
  only(allowed: readonly string[], renamed: Readonly<Record<string, string>> = {}): this {
    for (const key of this.keys()) {
      if (allowed.includes(key)) continue;
      const replacement = renamed[key];
      throw this.field(key).problem(
        replacement === undefined
          ? `is not a known key (known: ${allowed.join(', ')})`
          : `is no longer read: ${replacement}`,
      );
    }
    return this;
  }

  list(): Reader[] {
    if (!Array.isArray(this.value) || this.value.length === 0) throw this.problem('must be a non-empty list');
    return this.value.map((item, index) => new Reader(item, `${this.at}[${index}]`));
  }

  string(pattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/): string {
    if (typeof this.value !== 'string' || !pattern.test(this.value)) {
      throw this.problem(`must be a string matching ${String(pattern)}`);
    }
    return this.value;
  }

  port(): number {
    if (
      typeof this.value !== 'number' ||
      !Number.isInteger(this.value) ||
      this.value < 1024 ||
      this.value > 65535
    ) {
      throw this.problem('must be a port number between 1024 and 65535');
    }
    return this.value;
  }

  problem(what: string): OperatorError {
    return new OperatorError(`topology: ${this.at} ${what} (got ${JSON.stringify(this.value)})`);
  }
}

const hostPattern = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9a-fA-F:]+\]?$/;

function endpoint(reader: Reader): Endpoint {
  return { host: reader.field('host').string(hostPattern), port: reader.field('port').port() };
}

function ordererNode(reader: Reader): OrdererNode {
  return {
    ...endpoint(reader),
    name: reader.field('name').string(),
    adminPort: reader.field('adminPort').port(),
    operationsPort: reader.field('operationsPort').port(),
  };
}

/** Every definition name (the smoke fixture included: `deploy --test-fixtures` needs its port too). */
const definitionNames: readonly ChaincodeName[] = definitionsFor('test-fixtures').map((d) => d.name);

function chaincodeServers(reader: Reader): ChaincodeServers {
  const ports = reader.field('ports');
  const unknown = ports.keys().filter((key) => !definitionNames.some((name) => name === key));
  if (unknown.length > 0) {
    throw ports.problem(
      `names no chaincode definition: ${unknown.join(', ')} (known: ${definitionNames.join(', ')})`,
    );
  }
  return {
    host: reader.field('host').string(hostPattern),
    ports: Object.fromEntries(definitionNames.map((name) => [name, ports.field(name).port()])) as Record<
      ChaincodeName,
      number
    >,
  };
}

/**
 * cryptogen node names of an org that are not peers (its chaincode servers' and its Fabric CA's TLS
 * identities): a peer of that name would share their certificate folder.
 */
const reservedPeerNames = ['chaincode', 'ca'];

function peerNode(reader: Reader): PeerNode {
  reader.only(['name', 'host', 'port', 'chaincodePort', 'operationsPort']);
  const name = reader.field('name').string(/^[a-z][a-z0-9-]*$/);
  if (reservedPeerNames.includes(name)) {
    throw reader
      .field('name')
      .problem(`is reserved for a node that is not a peer (${reservedPeerNames.join(', ')})`);
  }
  return {
    ...endpoint(reader),
    name,
    chaincodePort: reader.field('chaincodePort').port(),
    operationsPort: reader.field('operationsPort').port(),
  };
}

function peerOrg(reader: Reader): PeerOrg {
  reader.only(['key', 'mspId', 'domain', 'peers', 'chaincodeServers', 'ca'], {
    peer: 'one peer is now written as `peers: [ { name: peer0, host, port, chaincodePort, operationsPort } ]`',
  });
  const [first, ...more] = reader.field('peers').list().map(peerNode);
  if (!first) throw reader.field('peers').problem('must be a non-empty list');
  return {
    key: reader.field('key').string(/^[a-z][a-z0-9-]*$/),
    mspId: reader.field('mspId').string(),
    domain: reader.field('domain').string(),
    peers: [first, ...more],
    chaincodeServers: chaincodeServers(reader.field('chaincodeServers')),
    ca: {
      ...endpoint(reader.field('ca')),
      operationsPort: reader.field('ca').field('operationsPort').port(),
    },
  };
}

/** The org's first peer: anchor peer, and the one clients and admin commands talk to. */
export const anchorPeer = (org: PeerOrg): PeerNode => org.peers[0];

/**
 * The supervisor's name for a peer process. The first peer keeps the name of the one-peer layout
 * (`peer-<org>`: logs, pid files and the fault tests use it); any other is `peer-<org>-<name>`.
 */
export const peerProcessName = (org: PeerOrg, node: PeerNode): string =>
  node.name === anchorPeer(org).name ? `peer-${org.key}` : `peer-${org.key}-${node.name}`;

/** Every (host, port) pair the topology asks for, labelled for error messages. */
export function listeningSockets(topology: Topology): { label: string; host: string; port: number }[] {
  const sockets: { label: string; host: string; port: number }[] = [];
  for (const o of topology.ordererOrg.orderers) {
    sockets.push({ label: `${o.name}`, host: o.host, port: o.port });
    sockets.push({ label: `${o.name} admin`, host: o.host, port: o.adminPort });
    sockets.push({ label: `${o.name} operations`, host: o.host, port: o.operationsPort });
  }
  for (const org of topology.peerOrgs) {
    for (const p of org.peers) sockets.push(...peerSockets(org, p));
    for (const name of definitionNames) {
      sockets.push({ label: `${org.key} chaincode server ${name}`, ...chaincodeServer(org, name) });
    }
    sockets.push({ label: `${org.key} CA`, host: org.ca.host, port: org.ca.port });
    sockets.push({ label: `${org.key} CA operations`, host: org.ca.host, port: org.ca.operationsPort });
  }
  return sockets;
}

/** The three sockets one peer listens on. */
export function peerSockets(org: PeerOrg, p: PeerNode): { label: string; host: string; port: number }[] {
  const label = `${org.key} ${p.name}`;
  return [
    { label, host: p.host, port: p.port },
    { label: `${label} chaincode listener`, host: p.host, port: p.chaincodePort },
    { label: `${label} operations`, host: p.host, port: p.operationsPort },
  ];
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new OperatorError(`topology: ${what} "${value}" is used twice`);
    seen.add(value);
  }
}

/** Validates a parsed topology document; throws an OperatorError naming the first bad field. */
export function parseTopology(document: unknown): Topology {
  const root = new Reader(document, '');
  const ordererOrg = root.field('ordererOrg');
  const topology: Topology = {
    channel: root.field('channel').string(/^[a-z][a-z0-9.-]*$/),
    ordererOrg: {
      mspId: ordererOrg.field('mspId').string(),
      domain: ordererOrg.field('domain').string(),
      orderers: ordererOrg.field('orderers').list().map(ordererNode),
    },
    peerOrgs: root.field('peerOrgs').list().map(peerOrg),
  };
  assertUnique(
    listeningSockets(topology).map((s) => `${s.host}:${s.port}`),
    'address',
  );
  assertUnique(
    topology.ordererOrg.orderers.map((o) => o.name),
    'orderer name',
  );
  assertUnique(
    topology.peerOrgs.map((o) => o.key),
    'org key',
  );
  assertUnique(
    topology.peerOrgs.flatMap((org) => org.peers.map((p) => `${org.key}/${p.name}`)),
    'peer name (org/peer)',
  );
  // `peer-a-b` could be org a's peer b or org a-b's first peer
  assertUnique(
    topology.peerOrgs.flatMap((org) => org.peers.map((p) => peerProcessName(org, p))),
    'peer process name',
  );
  assertUnique([topology.ordererOrg.mspId, ...topology.peerOrgs.map((o) => o.mspId)], 'MSP id');
  return topology;
}

export async function loadTopology(file = paths.topologyFile): Promise<Topology> {
  return parseTopology(parse(await readFile(file, 'utf8')));
}

/** Fully qualified node names, as in the certificates cryptogen issues. */
export const fqdn = {
  orderer: (topology: Topology, node: OrdererNode): string => `${node.name}.${topology.ordererOrg.domain}`,
  peer: (org: PeerOrg, node: PeerNode): string => `${node.name}.${org.domain}`,
  chaincodeServer: (org: PeerOrg): string => `chaincode.${org.domain}`,
  /** The TLS server name of the org's Fabric CA (cryptogen node `ca`). */
  ca: (org: PeerOrg): string => `ca.${org.domain}`,
};

/** Where the org's chaincode server for one definition listens (and its peer dials). */
export const chaincodeServer = (org: PeerOrg, definition: ChaincodeName): Endpoint => ({
  host: org.chaincodeServers.host,
  port: org.chaincodeServers.ports[definition],
});

export const address = (e: Endpoint, port = e.port): string =>
  e.host.includes(':') ? `[${e.host.replace(/^\[|\]$/g, '')}]:${port}` : `${e.host}:${port}`;
