import * as path from 'node:path';
import { paths } from '../lib/paths';

/**
 * Which contracts the chaincode servers load. `production` (chaincode/package.json → dist/index.js)
 * is what `npm start` deploys; `test-fixtures` (chaincode/test-fixtures/ → dist/test-fixtures.js)
 * adds the smoke contract the end-to-end tests use, and only `npm test` deploys it.
 */
export type ChaincodeEntry = 'production' | 'test-fixtures';

/** The folder whose package.json names the entry: fabric-chaincode-node's `--module-path`. */
export function chaincodeModulePath(entry: ChaincodeEntry): string {
  return entry === 'production' ? paths.chaincodeSource : path.join(paths.chaincodeSource, 'test-fixtures');
}
