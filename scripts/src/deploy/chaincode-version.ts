import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { PACKAGE_FORMAT } from './ccaas-package';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name))
        : Promise.resolve([path.join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}

/**
 * A short content hash of the built chaincode (compiled JS and its package
 * manifest, plus the lockfile that pins its dependencies, the package format, and the definition's
 * endorsement policy and collections). It is the chaincode
 * definition's version and part of the package label, so any change to the
 * code yields a new package and a new sequence, and no change yields none.
 */
export async function chaincodeVersion(
  chaincodeDir: string,
  lockfile: string,
  definitionFingerprint: string,
): Promise<string> {
  const dist = path.join(chaincodeDir, 'dist');
  if (!existsSync(dist))
    throw new OperatorError('chaincode/dist is missing', 'Run `npm run build -w chaincode`.');
  const files = [...(await filesUnder(dist)).sort(), path.join(chaincodeDir, 'package.json'), lockfile];
  const hash = createHash('sha256')
    .update(PACKAGE_FORMAT)
    .update('\0')
    .update(definitionFingerprint)
    .update('\0');
  for (const file of files) {
    hash.update(path.relative(chaincodeDir, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
