import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Test-only: a small X.509 PKI made with the openssl CLI (P-256, ECDSA-SHA256), shaped like Fabric's:
// a root CA per org, optionally an intermediate, and end-entity certificates for peers and clients.
// openssl rather than a hand-written DER encoder because the verifier must accept certificates as
// real tools produce them (key identifiers, critical extensions).

export interface TestCa {
  readonly certificate: string;
  readonly keyPath: string;
  readonly certificatePath: string;
}

export interface TestIdentity {
  readonly mspId: string;
  readonly certificate: string;
  readonly privateKey: KeyObject;
}

const EXTENSIONS = `
[req]
distinguished_name = dn
prompt = no
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A throw-away PKI in a temp directory; call dispose() when done. */
export class TestPki {
  readonly #dir = mkdtempSync(join(tmpdir(), 'govtrace-pki-'));
  readonly #config = join(this.#dir, 'openssl.cnf');
  #serial = 1;

  constructor() {
    writeFileSync(this.#config, EXTENSIONS);
  }

  /** A self-signed root CA, e.g. subject '/O=RegistryMSP/CN=ca.registry'. */
  rootCa(name: string, subject: string): TestCa {
    const keyPath = this.#path(`${name}.key`);
    const certificatePath = this.#path(`${name}.pem`);
    this.#openssl(
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      keyPath,
      '-out',
      certificatePath,
      '-days',
      '3650',
      '-subj',
      subject,
      '-config',
      this.#config,
      '-extensions',
      'ca',
    );
    return { certificate: readFileSync(certificatePath, 'utf8'), keyPath, certificatePath };
  }

  /** An intermediate CA signed by `issuer`. */
  intermediateCa(name: string, subject: string, issuer: TestCa): TestCa {
    const { keyPath, certificatePath } = this.#issue(name, subject, issuer, 'ca');
    return { certificate: readFileSync(certificatePath, 'utf8'), keyPath, certificatePath };
  }

  /** An end-entity (peer or client) identity of `mspId`, signed by `issuer`. */
  identity(mspId: string, name: string, subject: string, issuer: TestCa): TestIdentity {
    const { keyPath, certificatePath } = this.#issue(name, subject, issuer, 'leaf');
    return {
      mspId,
      certificate: readFileSync(certificatePath, 'utf8'),
      privateKey: createPrivateKey(readFileSync(keyPath)),
    };
  }

  dispose(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #issue(name: string, subject: string, issuer: TestCa, extensions: 'ca' | 'leaf') {
    const keyPath = this.#path(`${name}.key`);
    const requestPath = this.#path(`${name}.csr`);
    const certificatePath = this.#path(`${name}.pem`);
    this.#openssl(
      'req',
      '-new',
      ...EC_KEY,
      '-keyout',
      keyPath,
      '-out',
      requestPath,
      '-subj',
      subject,
      '-config',
      this.#config,
    );
    this.#serial += 1;
    this.#openssl(
      'x509',
      '-req',
      '-in',
      requestPath,
      '-CA',
      issuer.certificatePath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      String(this.#serial),
      '-days',
      '365',
      '-out',
      certificatePath,
      '-extfile',
      this.#config,
      '-extensions',
      extensions,
    );
    return { keyPath, certificatePath };
  }

  #path(file: string): string {
    return join(this.#dir, file);
  }

  #openssl(...args: string[]): void {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}
