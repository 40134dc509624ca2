import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { type PeerOrg, parseTopology, type Topology } from '../network/topology';
import { collectionMembers, disseminationFor, withDissemination } from './collection-dissemination';

const oneEach = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));

/** The shipped topology with a second peer in each named org (ports shifted by 10, new ops ports). */
function withSecondPeer(keys: readonly string[]): Topology {
  let ops = 9470;
  const peerOrgs = oneEach.peerOrgs.map((org): PeerOrg => {
    if (!keys.includes(org.key)) return org;
    const first = org.peers[0];
    ops += 1;
    const second = {
      ...first,
      name: 'peer1',
      port: first.port + 10,
      chaincodePort: first.chaincodePort + 10,
      operationsPort: ops,
    };
    return { ...org, peers: [first, second] };
  });
  return { ...oneEach, peerOrgs };
}

const registryPrivate = {
  name: 'registryPrivate',
  policy: "OR('RegistryMSP.member')",
  blockToLive: 0,
  memberOnlyRead: true,
};
const deedTaxShared = { name: 'deedTaxShared', policy: "OR('TaxMSP.member', 'RegistryMSP.member')" };

describe('collectionMembers', () => {
  it("reads OR('A.member', …) and nothing else", () => {
    expect(collectionMembers("OR('RegistryMSP.member')")).toEqual(['RegistryMSP']);
    expect(collectionMembers(deedTaxShared.policy)).toEqual(['TaxMSP', 'RegistryMSP']);
    expect(collectionMembers("AND('RegistryMSP.member', 'TaxMSP.member')")).toBeUndefined();
    expect(collectionMembers("OR('RegistryMSP.peer')")).toBeUndefined();
  });
});

describe('disseminationFor', () => {
  it('is 0/0 for a one-org collection when the org runs one peer (nothing to disseminate to)', () => {
    expect(disseminationFor(oneEach, ['RegistryMSP'])).toEqual({ requiredPeerCount: 0, maxPeerCount: 0 });
  });

  it("requires the org's second peer for a one-org collection once there is one", () => {
    const two = withSecondPeer(['registry']);
    expect(disseminationFor(two, ['RegistryMSP'])).toEqual({ requiredPeerCount: 1, maxPeerCount: 1 });
    // another org's second peer changes nothing for it
    expect(disseminationFor(withSecondPeer(['tax']), ['RegistryMSP'])).toEqual({
      requiredPeerCount: 0,
      maxPeerCount: 0,
    });
  });

  it('counts the other member peers of a shared collection, requiring one of them', () => {
    expect(disseminationFor(oneEach, ['TaxMSP', 'RegistryMSP'])).toEqual({
      requiredPeerCount: 1,
      maxPeerCount: 1,
    });
    expect(disseminationFor(withSecondPeer(['registry', 'tax']), ['TaxMSP', 'RegistryMSP'])).toEqual({
      requiredPeerCount: 1,
      maxPeerCount: 3,
    });
  });

  it('refuses a member that is no org of the topology', () => {
    expect(() => disseminationFor(oneEach, ['HealthMSP'])).toThrow(/HealthMSP are no peer organisation/);
  });
});

describe('withDissemination', () => {
  it('puts the derived counts after the policy and keeps every other field', () => {
    const [rendered] = withDissemination(withSecondPeer(['registry']), [registryPrivate], 'realestate.json');
    expect(rendered).toEqual({ ...registryPrivate, requiredPeerCount: 1, maxPeerCount: 1 });
    expect(Object.keys(rendered ?? {})).toEqual([
      'name',
      'policy',
      'requiredPeerCount',
      'maxPeerCount',
      'blockToLive',
      'memberOnlyRead',
    ]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a hand-written requiredPeerCount',
      { ...registryPrivate, requiredPeerCount: 0 },
      /sets requiredPeerCount;/,
    ],
    [
      'hand-written counts, even when they agree',
      { ...registryPrivate, requiredPeerCount: 0, maxPeerCount: 0 },
      /sets requiredPeerCount and maxPeerCount; deploy derives them/,
    ],
    [
      'a policy of another form',
      { ...registryPrivate, policy: "OR('RegistryMSP.peer')" },
      /policy must be of the form/,
    ],
  ])('refuses %s', (_label, collection, reason) => {
    expect(() => withDissemination(oneEach, [collection], 'realestate.json')).toThrow(OperatorError);
    expect(() => withDissemination(oneEach, [collection], 'realestate.json')).toThrow(reason);
  });
});
