import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * For specs that boot the real AppModule: points it at a peer that is not there (a closed loopback
 * port), no users, a throw-away holder lookup key and an in-memory index, so it never touches a
 * running network or the developer's runtime folder. `extra` sets more variables (e.g. rate limits).
 * Call before importing AppModule: ConfigModule reads the environment when it loads.
 */
export function isolateFromNetwork(extra: Record<string, string> = {}): { restore(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-app-spec-'));
  const profile = path.join(dir, 'connection.json');
  const identities = path.join(dir, 'identities.json');
  writeFileSync(path.join(dir, 'tls-ca.pem'), '');
  writeFileSync(
    profile,
    JSON.stringify({
      channel: 'govtrace',
      chaincode: 'govtrace',
      peers: [
        {
          mspId: 'RegistryMSP',
          endpoint: '127.0.0.1:1',
          hostnameOverride: 'peer0.registry.govtrace.local',
          tlsRootCertPath: path.join(dir, 'tls-ca.pem'),
        },
      ],
    }),
  );
  writeFileSync(identities, JSON.stringify({ version: 1, users: [] }));
  // the gateway does not start without the holder lookup key; a throw-away one, not the developer's
  const holderLookupKey = path.join(dir, 'holder-lookup.key');
  writeFileSync(holderLookupKey, Buffer.alloc(32, 1), { mode: 0o600 });
  const saved = { ...process.env };
  Object.assign(process.env, {
    GOVTRACE_CONNECTION_PROFILE: profile,
    GOVTRACE_IDENTITIES: identities,
    HOLDER_LOOKUP_KEY_FILE: holderLookupKey,
    DATABASE_TYPE: 'sqlite',
    DATABASE_PATH: ':memory:',
    ...extra,
  });
  return {
    restore() {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
