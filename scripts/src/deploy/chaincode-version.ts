import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type ChaincodeName } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { PACKAGE_FORMAT } from './ccaas-package';
import { chaincodeModulePath } from './chaincode-entry';

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
 * SHA-256 over the built chaincode every definition's servers load (compiled JS under dist/, the
 * package manifest) and the lockfile that pins its dependencies: computed once per deploy, then
 * folded into each definition's version.
 */
export async function buildDigest(chaincodeDir: string, lockfile: string): Promise<string> {
  const dist = path.join(chaincodeDir, 'dist');
  if (!existsSync(dist))
    throw new OperatorError('chaincode/dist is missing', 'Run `npm run build -w chaincode`.');
  const files = [...(await filesUnder(dist)).sort(), path.join(chaincodeDir, 'package.json'), lockfile];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(chaincodeDir, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A short content hash that is one definition's version and part of its package label: the build
 * (all of dist, since the definitions share their common code), the definition's module-path
 * manifest, its endorsement policy and collections (`fingerprint`), and the package format. Any
 * change yields a new package and a new sequence of that definition; no change yields none.
 */
export async function definitionVersion(
  definition: ChaincodeName,
  build: string,
  fingerprint: string,
  modulePath = chaincodeModulePath(definition),
): Promise<string> {
  const manifest = path.join(modulePath, 'package.json');
  if (!existsSync(manifest)) {
    throw new OperatorError(
      `${manifest} is missing: the chaincode servers of ${definition} have no module to load`,
      'The chaincode must have a module path per definition (chaincode/module-paths/<definition>).',
    );
  }
  const entry = (JSON.parse(await readFile(manifest, 'utf8')) as { main?: unknown }).main;
  if (typeof entry !== 'string' || !existsSync(path.resolve(path.dirname(manifest), entry))) {
    throw new OperatorError(
      `${manifest}: its main (${JSON.stringify(entry)}) is not a built file`,
      'Run `npm run build -w chaincode`.',
    );
  }
  return createHash('sha256')
    .update(PACKAGE_FORMAT)
    .update('\0')
    .update(definition)
    .update('\0')
    .update(build)
    .update('\0')
    .update(await readFile(manifest))
    .update('\0')
    .update(fingerprint)
    .digest('hex')
    .slice(0, 12);
}
