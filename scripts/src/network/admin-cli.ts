import * as path from 'node:path';
import { binDirFor } from '../fabric/build-binaries';
import { fabricPin } from '../fabric/pin';
import { exec, type ExecResult } from '../lib/exec';
import { crypto } from './crypto-layout';
import { configDirs } from './process-specs';
import { address, anchorPeer, type PeerNode, type PeerOrg, type Topology } from './topology';

/**
 * Fabric's own CLIs, run as an organisation's admin. Every call is bounded in
 * time; the output tail is in the error when one fails.
 */
const tool = (name: string): string => path.join(binDirFor(fabricPin), name);

function peerAdminEnv(org: PeerOrg, peer: PeerNode): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    FABRIC_CFG_PATH: configDirs.peer(),
    FABRIC_LOGGING_SPEC: 'WARNING',
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: crypto.userMsp(org, 'Admin'),
    CORE_PEER_ADDRESS: address(peer),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: crypto.peerTlsCa(org),
  };
}

/**
 * Runs `peer <args>` as `org`'s admin against one of that org's peers: the first unless named
 * (channel joins and chaincode installs are per peer; approvals and queries are the org's).
 */
export function peerAsAdmin(
  org: PeerOrg,
  args: readonly string[],
  timeoutMs = 120_000,
  peer: PeerNode = anchorPeer(org),
): Promise<ExecResult> {
  return exec(tool('peer'), args, { env: peerAdminEnv(org, peer), timeoutMs });
}

/** The flags that point a peer CLI command at the first orderer over TLS. */
export function ordererFlags(t: Topology): string[] {
  const first = t.ordererOrg.orderers[0];
  if (!first) throw new Error('topology has no orderer');
  return ['-o', address(first), '--tls', '--cafile', crypto.ordererTlsCa(t)];
}

/** Runs `osnadmin channel <args>` against one orderer's admin endpoint with the orderer admin's TLS identity. */
export function osnadmin(t: Topology, adminAddress: string, args: readonly string[]): Promise<ExecResult> {
  const admin = crypto.ordererAdminTls(t);
  return exec(
    tool('osnadmin'),
    [
      'channel',
      ...args,
      '-o',
      adminAddress,
      '--ca-file',
      crypto.ordererTlsCa(t),
      '--client-cert',
      admin.cert,
      '--client-key',
      admin.key,
    ],
    { timeoutMs: 60_000 },
  );
}

export function fabricTool(
  name: 'configtxgen' | 'configtxlator' | 'cryptogen',
  args: readonly string[],
): Promise<ExecResult> {
  return exec(tool(name), args, {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], FABRIC_CFG_PATH: configDirs.configtx() },
    timeoutMs: 120_000,
  });
}
