import { type Hash, hash, type Signer, signers } from '@hyperledger/fabric-gateway';
import { p256 } from '@noble/curves/p256';
import { type KeyObject, sign } from 'node:crypto';

/** How a gateway connection hashes and signs: `hash` goes with `signer` (fabric-gateway's connect). */
export interface SigningSetup {
  readonly hash: Hash;
  readonly signer: Signer;
}

/**
 * The signer for a department user's key. fabric-gateway's private-key signer computes ECDSA in
 * JavaScript (@noble/curves): three signatures per transaction (proposal, transaction, commit status)
 * were the gateway's largest CPU cost under a burst of registrations. For P-256 keys (every Fabric
 * CA and cryptogen key here) node:crypto (OpenSSL) signs instead: fabric-gateway then hands over the
 * whole message (hash.none) and OpenSSL hashes it with SHA-256, as hash.sha256 would. Fabric refuses
 * signatures whose S is in the upper half of the curve order (it admits one form of each signature),
 * which OpenSSL may produce, so S is normalised. Other keys keep fabric-gateway's own signer.
 */
export function signingSetupFor(privateKey: KeyObject): SigningSetup {
  if (privateKey.asymmetricKeyType === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return { hash: hash.none, signer: (message) => Promise.resolve(signP256(privateKey, message)) };
  }
  return { hash: hash.sha256, signer: signers.newPrivateKeySigner(privateKey) };
}

/** ECDSA P-256 over SHA-256 of `message`, DER-encoded, with low S. */
export function signP256(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  const der = sign('sha256', message, privateKey);
  return p256.Signature.fromDER(der).normalizeS().toDERRawBytes();
}
