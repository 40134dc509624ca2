import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Real CRLs for unit tests, made with openssl (as fabric-ca.test.ts makes its
 * CAs): a throwaway EC P-256 CA, and `openssl ca -gencrl` over an index file
 * that lists the revoked serial numbers.
 */
export interface TestCa {
  readonly dir: string;
  readonly certPem: string;
  /** The CA certificate's subject key identifier, lower-case hex (what a CRL's AKI must be). */
  readonly subjectKeyId: string;
  /** A CRL signed by this CA revoking `serials` (hex); `withAki: false` leaves out the extension Fabric needs. */
  crl(serials: readonly string[], options?: { readonly withAki?: boolean }): string;
  remove(): void;
}

const openssl = (args: readonly string[], cwd: string): string =>
  execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let made = 0;

export function newTestCa(commonName: string): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-crl-test-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      `/O=test.govtrace.local/CN=${commonName}`,
      '-addext',
      'keyUsage=critical,cRLSign,keyCertSign',
    ],
    dir,
  );
  return {
    dir,
    certPem: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    subjectKeyId:
      openssl(['x509', '-in', 'ca.crt', '-noout', '-ext', 'subjectKeyIdentifier'], dir)
        .split('\n')[1]
        ?.replace(/[\s:]/g, '')
        .toLowerCase() ?? '',
    crl: (serials, options = {}) =>
      opensslCrl({ dir, keyPath: 'ca.key', certificatePath: 'ca.crt' }, serials, options),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Where a test CA keeps its files; `dir` also receives the CRL database and config. */
export interface CaFiles {
  readonly dir: string;
  readonly keyPath: string;
  readonly certificatePath: string;
}

/**
 * A PEM CRL signed by the CA in `ca` revoking `serials` (hex): `openssl ca -gencrl` over an index file
 * listing them. `withAki: false` leaves out the authority key identifier Fabric matches CRLs by.
 */
export function opensslCrl(
  ca: CaFiles,
  serials: readonly string[],
  options: { readonly withAki?: boolean } = {},
): string {
  made += 1;
  const index = path.join(ca.dir, `index-${made}.txt`);
  // openssl's CA database: status, expiry, revocation time, serial, file, subject
  writeFileSync(
    index,
    serials.map((serial) => `R\t301231000000Z\t260101000000Z\t${serial}\tunknown\t/CN=u${serial}\n`).join(''),
  );
  const config = path.join(ca.dir, `ca-${made}.cnf`);
  writeFileSync(
    config,
    [
      '[ca]',
      'default_ca = local',
      '[local]',
      `database = ${index}`,
      'default_md = sha256',
      'default_crl_days = 1',
      ...(options.withAki === false
        ? []
        : ['crl_extensions = crl_ext', '[crl_ext]', 'authorityKeyIdentifier = keyid:always']),
      '',
    ].join('\n'),
  );
  return openssl(
    ['ca', '-gencrl', '-config', config, '-keyfile', ca.keyPath, '-cert', ca.certificatePath],
    ca.dir,
  );
}
