import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { msp } from '@hyperledger/fabric-protos';
import { anchorPeer, crypto, type PeerOrg } from '../../scripts/src';

// The certificate and private key of an identity that cryptogen generated (under .govtrace/network/
// crypto/peerOrganizations/<domain>/): a user's, or a peer's own signing identity, the one the peer
// signs its endorsements with (peers/<peer>/msp/signcerts and keystore).

export interface SigningMaterial {
  readonly mspId: string;
  /** The X.509 certificate as PEM, exactly as the MSP folder holds it. */
  readonly certificate: Buffer;
  readonly privateKey: KeyObject;
}

/** The only file of an MSP folder's signcerts/ or keystore/ (cryptogen writes one of each). */
function onlyFile(dir: string): string {
  const name = readdirSync(dir)[0];
  if (!name) throw new Error(`no file in ${dir}`);
  return path.join(dir, name);
}

function mspMaterial(mspId: string, mspDir: string): SigningMaterial {
  return {
    mspId,
    certificate: readFileSync(onlyFile(path.join(mspDir, 'signcerts'))),
    privateKey: createPrivateKey(readFileSync(onlyFile(path.join(mspDir, 'keystore')))),
  };
}

/** The org's first peer node's signing identity: what its endorsements are signed with. */
export const peerSigningMaterial = (org: PeerOrg): SigningMaterial =>
  mspMaterial(org.mspId, crypto.peerMsp(org, anchorPeer(org)));

/** One of cryptogen's org users (User1 is an ordinary client of the department). */
export const userSigningMaterial = (org: PeerOrg, user = 'User1'): SigningMaterial =>
  mspMaterial(org.mspId, crypto.userMsp(org, user));

/** The identity as Fabric names it in a creator or endorser field: SerializedIdentity bytes. */
export function serializedIdentity(material: SigningMaterial): Uint8Array {
  const identity = new msp.SerializedIdentity();
  identity.setMspid(material.mspId);
  identity.setIdBytes(material.certificate);
  return identity.serializeBinary();
}
