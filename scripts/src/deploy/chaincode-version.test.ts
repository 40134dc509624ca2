import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { buildDigest, definitionVersion } from './chaincode-version';

// A throw-away chaincode folder shaped like chaincode/: dist/, package.json, module-paths/<name>/.
let dir: string;
const modulePath = (name: string): string => path.join(dir, 'module-paths', name);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govtrace-version-'));
  mkdirSync(path.join(dir, 'dist', 'definitions'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"cc"}');
  writeFileSync(path.join(dir, 'lock.json'), '{}');
  for (const name of ['tax', 'waste']) {
    writeFileSync(path.join(dir, 'dist', 'definitions', `${name}.js`), `exports.contracts = ['${name}'];`);
    mkdirSync(modulePath(name), { recursive: true });
    writeFileSync(
      path.join(modulePath(name), 'package.json'),
      JSON.stringify({ main: `../../dist/definitions/${name}.js` }),
    );
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = () => buildDigest(dir, path.join(dir, 'lock.json'));

describe('definition versions', () => {
  it('are stable for the same inputs and differ between definitions', async () => {
    const digest = await build();
    const tax = await definitionVersion('tax', digest, 'policy', modulePath('tax'));
    expect(tax).toMatch(/^[0-9a-f]{12}$/);
    expect(await definitionVersion('tax', await build(), 'policy', modulePath('tax'))).toBe(tax);
    expect(await definitionVersion('waste', digest, 'policy', modulePath('waste'))).not.toBe(tax);
  });

  it("change with the code (any of dist), and with one definition's policy or collections for it alone", async () => {
    const before = await build();
    const tax = await definitionVersion('tax', before, 'policy', modulePath('tax'));
    const waste = await definitionVersion('waste', before, 'policy', modulePath('waste'));
    expect(await definitionVersion('tax', before, 'other policy', modulePath('tax'))).not.toBe(tax);
    expect(await definitionVersion('waste', before, 'policy', modulePath('waste'))).toBe(waste);

    writeFileSync(path.join(dir, 'dist', 'common.js'), 'exports.x = 1;');
    const after = await build();
    expect(await definitionVersion('tax', after, 'policy', modulePath('tax'))).not.toBe(tax);
    expect(await definitionVersion('waste', after, 'policy', modulePath('waste'))).not.toBe(waste);
  });

  it('refuse a definition whose module path or built entry is missing', async () => {
    const digest = await build();
    await expect(definitionVersion('business', digest, 'p', modulePath('business'))).rejects.toThrow(
      OperatorError,
    );
    rmSync(path.join(dir, 'dist', 'definitions', 'tax.js'));
    await expect(definitionVersion('tax', digest, 'p', modulePath('tax'))).rejects.toThrow(
      /its main \("\.\.\/\.\.\/dist\/definitions\/tax\.js"\) is not a built file/,
    );
  });
});
