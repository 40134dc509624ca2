import * as grpc from '@grpc/grpc-js';
import {
  connect,
  type Gateway,
  hash,
  type Identity,
  type Signer,
  signers,
} from '@hyperledger/fabric-gateway';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  address,
  anchorPeer,
  crypto,
  fqdn,
  loadTopology,
  paths,
  type PeerOrg,
  type Topology,
} from '../../scripts/src';
import { userSigningMaterial } from './signing-material';

/**
 * Connects to the real network as one of cryptogen's org users over TLS, the
 * way any client of govtrace does: one gRPC connection to the org's peer, a
 * Gateway on it, deadlines on every call.
 */
export interface OrgConnection {
  readonly org: PeerOrg;
  readonly gateway: Gateway;
  close(): void;
}

function identityOf(org: PeerOrg, user: string): { identity: Identity; signer: Signer } {
  const material = userSigningMaterial(org, user);
  return {
    identity: { mspId: material.mspId, credentials: material.certificate },
    signer: signers.newPrivateKeySigner(material.privateKey),
  };
}

export async function topology(): Promise<Topology> {
  return loadTopology();
}

export function findOrg(t: Topology, mspId: string): PeerOrg {
  const org = t.peerOrgs.find((o) => o.mspId === mspId);
  if (!org) throw new Error(`no org ${mspId} in topology.yaml`);
  return org;
}

export function connectAs(org: PeerOrg, user = 'User1'): OrgConnection {
  // Dial the address from topology.yaml but check the certificate against the
  // peer's host name (a TLS server name must not be an IP address).
  const client = new grpc.Client(
    address(anchorPeer(org)),
    grpc.credentials.createSsl(readFileSync(crypto.peerTlsCa(org))),
    {
      'grpc.ssl_target_name_override': fqdn.peer(org, anchorPeer(org)),
    },
  );
  const { identity, signer } = identityOf(org, user);
  const seconds = (n: number) => (): grpc.CallOptions => ({ deadline: Date.now() + n * 1000 });
  const gateway = connect({
    client,
    identity,
    signer,
    hash: hash.sha256,
    evaluateOptions: seconds(5),
    endorseOptions: seconds(15),
    submitOptions: seconds(5),
    commitStatusOptions: seconds(60),
  });
  return {
    org,
    gateway,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

/** Registry and market connections plus the channel, opened before and closed after a suite. */
export interface TwoDepartments {
  readonly registry: OrgConnection;
  readonly market: OrgConnection;
  readonly channel: string;
}

/**
 * Registers beforeAll/afterAll hooks that connect as RegistryMSP's and
 * MarketMSP's users; call the returned function inside tests.
 */
export function useTwoDepartments(): () => TwoDepartments {
  let opened: TwoDepartments | undefined;
  beforeAll(async () => {
    const t = await topology();
    opened = {
      registry: connectAs(findOrg(t, 'RegistryMSP')),
      market: connectAs(findOrg(t, 'MarketMSP')),
      channel: t.channel,
    };
  });
  afterAll(() => {
    opened?.registry.close();
    opened?.market.close();
  });
  return () => {
    if (!opened) throw new Error('useTwoDepartments: connections are opened in beforeAll');
    return opened;
  };
}

/**
 * Connects as a user enrolled by the org's Fabric CA (`network up` provisions
 * the demo users of API.md under the runtime folder's identities/).
 */
export function connectAsEnrolled(org: PeerOrg, user: string): OrgConnection {
  return connectAsEnrolledThrough(org, user, org);
}

/**
 * The same identity (a member of `org`) talking to another department's peer
 * `via`: its gateway, and its endorser when the proposal is sent there.
 */
export function connectAsEnrolledThrough(org: PeerOrg, user: string, via: PeerOrg): OrgConnection {
  const dir = path.join(paths.runtimeRoot, 'identities', user);
  const client = new grpc.Client(
    address(anchorPeer(via)),
    grpc.credentials.createSsl(readFileSync(crypto.peerTlsCa(via))),
    {
      'grpc.ssl_target_name_override': fqdn.peer(via, anchorPeer(via)),
    },
  );
  const gateway = connect({
    client,
    identity: { mspId: org.mspId, credentials: readFileSync(path.join(dir, 'cert.pem')) },
    signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(path.join(dir, 'key.pem')))),
    hash: hash.sha256,
    evaluateOptions: () => ({ deadline: Date.now() + 5_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 15_000 }),
    submitOptions: () => ({ deadline: Date.now() + 5_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
  });
  return {
    org,
    gateway,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}
