import { OperatorError } from '../lib/errors';
import { type Topology } from '../network/topology';

// How many peers an endorsing peer must hand a collection's private data to before it answers
// (requiredPeerCount) and may hand it to (maxPeerCount). Both follow from how many peers the
// collection's member orgs run, which network/topology.yaml says, so they are added here when deploy
// loads a collections file. Chosen over checking hand-written numbers against the topology: checked
// numbers would be a second place to edit whenever a peer is added, and say nothing the topology
// does not. A file that still carries them is refused, so nobody reads a number there and believes
// it is the one in force.

export const derivedFields = ['requiredPeerCount', 'maxPeerCount'] as const;

export interface Dissemination {
  readonly requiredPeerCount: number;
  readonly maxPeerCount: number;
}

/**
 * The member orgs of a collection policy of the form OR('A.member', 'B.member'), or undefined for
 * any other form (the only form our collections use, and the one whose members are plain to read).
 */
export function collectionMembers(policy: string): string[] | undefined {
  const body = /^OR\((.*)\)$/.exec(policy.trim())?.[1];
  if (body === undefined) return undefined;
  const members = body.split(',').map((part) => /^'([A-Za-z][A-Za-z0-9-]*)\.member'$/.exec(part.trim())?.[1]);
  return members.every((msp): msp is string => msp !== undefined) ? members : undefined;
}

/**
 * The member peers other than the endorsing one (the endorser is a member: memberOnlyWrite), all of
 * them as maxPeerCount, and at least one of them as requiredPeerCount: an endorsement then succeeds
 * only once a second disk holds the data, and pushes it to every other member peer it can. One
 * peer in one member org: 0 and 0, nothing to disseminate to.
 */
export function disseminationFor(topology: Topology, members: readonly string[]): Dissemination {
  const unknown = members.filter((msp) => !topology.peerOrgs.some((org) => org.mspId === msp));
  if (unknown.length > 0) {
    throw new OperatorError(
      `collection members ${unknown.join(', ')} are no peer organisation of the topology`,
    );
  }
  const memberPeers = topology.peerOrgs
    .filter((org) => members.includes(org.mspId))
    .reduce((sum, org) => sum + org.peers.length, 0);
  const others = Math.max(memberPeers - 1, 0);
  return { requiredPeerCount: Math.min(1, others), maxPeerCount: others };
}

/**
 * The collections as Fabric gets them: each with its derived counts right after its policy.
 * Refuses a collection that writes either count itself, or whose policy is not an OR of members.
 */
export function withDissemination(
  topology: Topology,
  collections: readonly Record<string, unknown>[],
  file: string,
): Record<string, unknown>[] {
  return collections.map((collection) => {
    const name = String(collection['name']);
    const written = derivedFields.filter((field) => field in collection);
    if (written.length > 0) {
      throw new OperatorError(
        `${file}: ${name} sets ${written.join(' and ')}; deploy derives them from the peers of the ` +
          'collection members in the topology: remove them from the file',
      );
    }
    const policy = collection['policy'];
    const members = typeof policy === 'string' ? collectionMembers(policy) : undefined;
    if (members === undefined) {
      throw new OperatorError(
        `${file}: ${name}.policy must be of the form OR('A.member', …) (got ${JSON.stringify(policy)})`,
      );
    }
    const rest = Object.entries(collection).filter(([key]) => key !== 'name' && key !== 'policy');
    return { name, policy, ...disseminationFor(topology, members), ...Object.fromEntries(rest) };
  });
}
