import type { ConnectionProfile } from '../../../chaincode/src/contract';
import { crypto } from '../network/crypto-layout';
import { address, anchorPeer, fqdn, type Topology } from '../network/topology';

export type { ConnectionProfile };

/**
 * Where the gateway finds the network: one entry per department, its first peer, dialled
 * at its topology address and checked against the host name in its TLS
 * certificate (a TLS server name must not be an IP address). No chaincode name:
 * the gateway takes the definitions' names from chaincode/src/common/definitions.ts.
 */
export function connectionProfile(topology: Topology): ConnectionProfile {
  return {
    channel: topology.channel,
    peers: topology.peerOrgs.map((org) => ({
      mspId: org.mspId,
      endpoint: address(anchorPeer(org)),
      hostnameOverride: fqdn.peer(org, anchorPeer(org)),
      tlsRootCertPath: crypto.peerTlsCa(org),
    })),
  };
}
