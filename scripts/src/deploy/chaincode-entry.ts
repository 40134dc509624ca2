import * as path from 'node:path';
import { type ChaincodeName } from '../../../chaincode/src/contract';
import { paths } from '../lib/paths';

/**
 * Which chaincode definitions a deployment holds (definitionsFor in
 * chaincode/src/common/definitions.ts): `production` (the four departments' definitions) is what
 * `npm start` deploys; `test-fixtures` adds the `smoke` definition the end-to-end tests use, and only
 * `npm test` (and `npm run bench`) deploy it.
 */
export type ChaincodeEntry = 'production' | 'test-fixtures';

/**
 * fabric-chaincode-node's `--module-path` for a definition's servers: chaincode/module-paths/<name>,
 * whose package.json names dist/definitions/<name>.js, which exports that definition's contracts only.
 */
export function chaincodeModulePath(definition: ChaincodeName): string {
  return path.join(paths.chaincodeSource, 'module-paths', definition);
}
