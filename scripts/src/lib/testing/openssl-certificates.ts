import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

// Test-only: throwaway EC P-256 CAs and the certificates they sign, made with openssl in a folder of
// the test's own, as `<name>.pem` and `<name>.key`. Valid for two days.

const openssl = (args: readonly string[], cwd: string): void => {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
};

const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A self-signed CA like cryptogen's: CA:TRUE, may sign certificates and CRLs. */
export function selfSignedCa(dir: string, name: string, subject = `/CN=${name}`): void {
  openssl(
    [
      'req',
      '-x509',
      ...NEW_KEY,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      subject,
    ]
      .concat(['-addext', 'basicConstraints=critical,CA:TRUE'])
      .concat(['-addext', 'keyUsage=critical,digitalSignature,keyCertSign,cRLSign']),
    dir,
  );
}

/** A TLS certificate signed by the CA `issuer` of the same folder, for 127.0.0.1 (and `dnsNames`). */
export function tlsCertificate(
  dir: string,
  name: string,
  issuer: string,
  usage: 'serverAuth' | 'clientAuth',
  dnsNames: readonly string[] = [],
): void {
  openssl(
    ['req', '-new', ...NEW_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`],
    dir,
  );
  const names = ['IP:127.0.0.1', ...dnsNames.map((dns) => `DNS:${dns}`)].join(',');
  writeFileSync(
    path.join(dir, `${name}.ext`),
    `subjectAltName=${names}\nextendedKeyUsage=${usage}\nkeyUsage=critical,digitalSignature\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-CAcreateserial',
    ].concat(['-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]),
    dir,
  );
}
