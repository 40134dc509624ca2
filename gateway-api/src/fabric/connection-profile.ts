import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

import {
  type ConnectionProfile,
  ConnectionProfileError,
  parseConnectionProfile,
} from '../../../chaincode/src/contract';

export async function loadConnectionProfile(file: string): Promise<ConnectionProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConnectionProfileError(code === 'ENOENT' ? 'file not found' : `cannot read it (${code})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConnectionProfileError('not valid JSON');
  }
  return parseConnectionProfile(raw, path.dirname(file));
}
