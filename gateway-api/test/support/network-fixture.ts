import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// Test-only imports from the scripts package: the real network's topology and cryptogen layout.
import { connectionProfile, crypto, loadTopology, type PeerOrg, type Topology } from '../../../scripts/src';
import { type EnrolledUser, type IdentityStore } from '../../../chaincode/src/contract';

/** One cryptogen user of the running network, with the plain token the test sends. */
export interface TestUser {
  readonly entry: EnrolledUser;
  readonly token: string;
}

/**
 * A temporary connection.json and identities.json for the running network, built from
 * network/topology.yaml and cryptogen's User1 of each organisation (certificates without a
 * govtrace.role attribute: enough for the smoke contract, which any member may call).
 */
export class NetworkFixture {
  private constructor(
    readonly dir: string,
    readonly topology: Topology,
    readonly users: Map<string, TestUser>,
  ) {}

  static async create(userOrgs: Record<string, string>): Promise<NetworkFixture> {
    const topology = await loadTopology();
    const dir = await mkdtemp(path.join(tmpdir(), 'govtrace-gateway-'));
    const users = new Map<string, TestUser>();
    for (const [user, mspId] of Object.entries(userOrgs)) {
      users.set(user, await cryptogenUser(findOrg(topology, mspId), user));
    }
    const fixture = new NetworkFixture(dir, topology, users);
    await writeFile(fixture.connectionProfilePath, JSON.stringify(connectionProfile(topology), null, 2));
    await fixture.writeIdentities();
    return fixture;
  }

  get connectionProfilePath(): string {
    return path.join(this.dir, 'connection.json');
  }

  get identitiesPath(): string {
    return path.join(this.dir, 'identities.json');
  }

  token(user: string): string {
    const found = this.users.get(user);
    if (found === undefined) throw new Error(`no test user ${user}`);
    return found.token;
  }

  /** Rewrites identities.json atomically (temp file, rename), as the setup scripts should. */
  async writeIdentities(revoked: readonly string[] = []): Promise<void> {
    const store: IdentityStore = {
      version: 1,
      users: [...this.users.values()].map(({ entry }) => ({
        ...entry,
        revoked: revoked.includes(entry.user),
      })),
    };
    const temp = `${this.identitiesPath}.tmp`;
    await writeFile(temp, JSON.stringify(store, null, 2));
    await rename(temp, this.identitiesPath);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function findOrg(topology: Topology, mspId: string): PeerOrg {
  const org = topology.peerOrgs.find((o) => o.mspId === mspId);
  if (org === undefined) throw new Error(`no org ${mspId} in topology.yaml`);
  return org;
}

async function cryptogenUser(org: PeerOrg, user: string): Promise<TestUser> {
  const msp = crypto.userMsp(org, 'User1');
  const token = randomBytes(24).toString('base64url');
  return {
    token,
    entry: {
      user,
      mspId: org.mspId,
      role: 'smoke_tester',
      certificatePath: await onlyFile(path.join(msp, 'signcerts')),
      privateKeyPath: await onlyFile(path.join(msp, 'keystore')),
      tokenSha256: createHash('sha256').update(token).digest('hex'),
      revoked: false,
      enrolledAt: new Date(0).toISOString(),
    },
  };
}

async function onlyFile(dir: string): Promise<string> {
  const [name] = await readdir(dir);
  if (name === undefined) throw new Error(`no file in ${dir}`);
  return path.join(dir, name);
}
