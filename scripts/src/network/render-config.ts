import { parseDocument, type Document, isMap, isSeq, type YAMLMap } from 'yaml';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { crypto, cryptoRoot } from './crypto-layout';
import { address, anchorPeer, type Endpoint, type Topology } from './topology';

/**
 * The repo keeps crypto-config.yaml and configtx.yaml free of hosts and
 * ports; these functions add them from topology.yaml to produce the copies the
 * Fabric tools read. They edit the YAML document (keeping anchors, merge keys
 * and comments) rather than templating text.
 */

const sansFor = (e: Pick<Endpoint, 'host'>): string[] => [
  ...new Set([e.host.replace(/^\[|\]$/g, ''), '127.0.0.1', 'localhost']),
];

function orgEntries(doc: Document, section: string): YAMLMap[] {
  const list = doc.get(section);
  if (!isSeq(list)) throw new OperatorError(`${section} must be a list`);
  return list.items.filter((item): item is YAMLMap => isMap(item));
}

function findOrg(entries: YAMLMap[], key: string, value: string, file: string): YAMLMap {
  const entry = entries.find((candidate) => candidate.get(key) === value);
  if (!entry)
    throw new OperatorError(`${file} has no organisation with ${key} ${value} (named in topology.yaml)`);
  return entry;
}

export function renderCryptoConfig(source: string, topology: Topology): string {
  const doc = parseDocument(source);
  const ordererOrg = findOrg(
    orgEntries(doc, 'OrdererOrgs'),
    'Domain',
    topology.ordererOrg.domain,
    'crypto-config.yaml',
  );
  ordererOrg.set(
    'Specs',
    doc.createNode(
      topology.ordererOrg.orderers.map((node) => ({ Hostname: node.name, SANS: sansFor(node) })),
    ),
  );
  const peerOrgs = orgEntries(doc, 'PeerOrgs');
  for (const org of topology.peerOrgs) {
    findOrg(peerOrgs, 'Domain', org.domain, 'crypto-config.yaml').set(
      'Specs',
      doc.createNode([
        // Each peer its own TLS server certificate, with its own host in the names.
        ...org.peers.map((peer) => ({ Hostname: peer.name, SANS: sansFor(peer) })),
        // Not a peer: the TLS server certificate of the org's chaincode servers (one host for
        // every definition, so one certificate), issued by the org's TLS CA so its peer can verify it.
        { Hostname: 'chaincode', SANS: sansFor(org.chaincodeServers) },
        // Not a peer either: the TLS server certificate of the org's Fabric CA.
        { Hostname: 'ca', SANS: sansFor(org.ca) },
      ]),
    );
  }
  return doc.toString();
}

export function renderConfigtx(source: string, topology: Topology): string {
  const doc = parseDocument(source, { merge: true });
  const orgs = orgEntries(doc, 'Organizations');
  for (const org of orgs) {
    const mspDir = org.get('MSPDir');
    if (typeof mspDir !== 'string')
      throw new OperatorError('configtx.yaml: every organisation needs an MSPDir');
    org.set('MSPDir', path.join(cryptoRoot(), mspDir));
  }
  const ordererOrg = findOrg(orgs, 'ID', topology.ordererOrg.mspId, 'configtx.yaml');
  ordererOrg.set(
    'OrdererEndpoints',
    doc.createNode(topology.ordererOrg.orderers.map((node) => address(node))),
  );
  for (const org of topology.peerOrgs) {
    // The first peer only: other orgs learn the rest of the org's peers through it (gossip).
    const anchor = anchorPeer(org);
    findOrg(orgs, 'ID', org.mspId, 'configtx.yaml').set(
      'AnchorPeers',
      doc.createNode([{ Host: anchor.host, Port: anchor.port }]),
    );
  }
  doc.setIn(
    ['Orderer', 'EtcdRaft', 'Consenters'],
    doc.createNode(
      topology.ordererOrg.orderers.map((node) => ({
        Host: node.host,
        Port: node.port,
        ClientTLSCert: crypto.ordererTls(topology, node).cert,
        ServerTLSCert: crypto.ordererTls(topology, node).cert,
      })),
    ),
  );
  return doc.toString();
}
