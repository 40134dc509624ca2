import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { readJsonIfExists, writePrivateFile, writePrivateJson } from './private-files';

const mode = (file: string): number => statSync(file).mode & 0o777;

describe('private files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-private-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes 0600 files in 0700 folders it creates', async () => {
    const file = path.join(dir, 'a', 'b', 'tokens.json');
    await writePrivateFile(file, 'secret');
    expect(readFileSync(file, 'utf8')).toBe('secret');
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
  });

  it('tightens an existing folder and file, and leaves no temporary file behind', async () => {
    const folder = path.join(dir, 'gateway');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const file = path.join(folder, 'identities.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    await writePrivateFile(file, 'new');
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['identities.json']);
  });

  it('replaces a changed JSON file by rename (a new inode), so readers never see half of it', async () => {
    const file = path.join(dir, 'store.json');
    await writePrivateJson(file, { version: 1 });
    const before = statSync(file).ino;
    await writePrivateJson(file, { version: 1, users: [] });
    expect(statSync(file).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, users: [] });
  });

  it('leaves an unchanged JSON file alone but still fixes its mode', async () => {
    const file = path.join(dir, 'store.json');
    await writePrivateJson(file, { a: 1 });
    chmodSync(file, 0o644);
    const before = statSync(file);
    await writePrivateJson(file, { a: 1 });
    expect(statSync(file).ino).toBe(before.ino);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(mode(file)).toBe(0o600);
  });

  it('reads JSON, undefined when missing, and names a broken file', async () => {
    expect(await readJsonIfExists(path.join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(path.join(dir, 'ok.json'), '{"x":1}');
    expect(await readJsonIfExists(path.join(dir, 'ok.json'))).toEqual({ x: 1 });
    writeFileSync(path.join(dir, 'bad.json'), '{"x":');
    await expect(readJsonIfExists(path.join(dir, 'bad.json'))).rejects.toThrow(OperatorError);
    await expect(readJsonIfExists(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json is not valid JSON/);
  });
});
