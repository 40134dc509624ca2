import { verify, type X509Certificate } from 'node:crypto';

/**
 * Whether `signature` is the certificate key's signature over `data` with SHA-256, as Fabric's default
 * crypto provider signs (ECDSA, ASN.1 DER signature; RSA keys verify too). Malformed signature bytes
 * are a failed verification, not an error.
 *
 * Fabric additionally refuses ECDSA signatures with a high S value (malleability); that does not
 * affect who signed, so it is not checked here.
 */
export function signatureVerifies(
  certificate: X509Certificate,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify('sha256', data, certificate.publicKey, signature);
  } catch {
    return false;
  }
}
