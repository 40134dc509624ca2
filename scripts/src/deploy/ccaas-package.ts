import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { create } from 'tar';

/** What the org's peer needs to reach its chaincode server (Fabric's ccaas connection.json). */
export interface ConnectionInfo {
  readonly address: string;
  readonly dialTimeout: string;
  /** PEM of the CA that issued the chaincode server's TLS certificate. */
  readonly rootCertPem: string;
  /**
   * The TLS client identity the peer presents to its chaincode server (mutual
   * TLS): only the org's own peer may drive its chaincode.
   */
  readonly client: { readonly certPem: string; readonly keyPem: string };
}

/**
 * Bump when the package contents change for a reason other than the code
 * (TLS settings, connection.json fields): it is part of the chaincode version,
 * so `deploy` then installs new packages under a new sequence.
 */
export const PACKAGE_FORMAT = 'ccaas-mtls-1';

export interface ChaincodePackage {
  readonly label: string;
  /** Fabric's package id: label, colon, SHA-256 of the package bytes. */
  readonly packageId: string;
  readonly file: string;
}

export function connectionJson(info: ConnectionInfo): string {
  return `${JSON.stringify(
    {
      address: info.address,
      dial_timeout: info.dialTimeout,
      tls_required: true,
      client_auth_required: true,
      client_cert: info.client.certPem,
      client_key: info.client.keyPem,
      root_cert: info.rootCertPem,
    },
    null,
    2,
  )}\n`;
}

/** Fixed metadata so the same inputs always give the same bytes, hence the same package id. */
const reproducible = { gzip: { level: 9 }, portable: true, mtime: new Date(0), noDirRecurse: true } as const;

/**
 * Writes a chaincode-as-a-service package: a tar.gz of metadata.json
 * ({type: "ccaas", label}) and code.tar.gz, which holds connection.json.
 * Each org gets its own package, because each org's peer dials its own server.
 */
export async function writeCcaasPackage(
  outputFile: string,
  label: string,
  connection: ConnectionInfo,
): Promise<ChaincodePackage> {
  await mkdir(path.dirname(outputFile), { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'govtrace-ccpkg-'));
  try {
    await writeFile(path.join(work, 'connection.json'), connectionJson(connection));
    await create({ ...reproducible, cwd: work, file: path.join(work, 'code.tar.gz') }, ['connection.json']);
    await writeFile(path.join(work, 'metadata.json'), `${JSON.stringify({ type: 'ccaas', label })}\n`);
    await create({ ...reproducible, cwd: work, file: outputFile }, ['code.tar.gz', 'metadata.json']);
    const digest = createHash('sha256')
      .update(await readFile(outputFile))
      .digest('hex');
    return { label, packageId: `${label}:${digest}`, file: outputFile };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
