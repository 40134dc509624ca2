import { hash } from '@hyperledger/fabric-gateway';
import { p256 } from '@noble/curves/p256';
import { createHash, generateKeyPairSync, randomBytes, verify } from 'node:crypto';

import { signingSetupFor, signP256 } from './native-signer';

const HALF_ORDER = p256.CURVE.n >> 1n;

describe('the gateway signer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  it('signs P-256 with OpenSSL over the whole message, every signature low-S and verifiable', () => {
    // about half of raw ECDSA signatures have a high S: 200 make missing normalisation certain to show
    for (let i = 0; i < 200; i += 1) {
      const message = randomBytes(1 + (i % 300));
      const signature = signP256(privateKey, message);
      expect(p256.Signature.fromDER(signature).s <= HALF_ORDER).toBe(true);
      expect(verify('sha256', message, publicKey, signature)).toBe(true);
      // as the peer checks it: the SHA-256 digest, low S required (noble's default)
      expect(
        p256.verify(
          signature,
          createHash('sha256').update(message).digest(),
          publicKey.export({ format: 'der', type: 'spki' }).subarray(-65),
        ),
      ).toBe(true);
    }
  });

  it('hands OpenSSL the message (hash.none) for P-256 keys and keeps fabric-gateway for others', async () => {
    const setup = signingSetupFor(privateKey);
    expect(setup.hash).toBe(hash.none);
    const message = randomBytes(64);
    expect(verify('sha256', message, publicKey, await setup.signer(message))).toBe(true);

    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(signingSetupFor(p384.privateKey).hash).toBe(hash.sha256);
  });
});
