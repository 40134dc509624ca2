import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { networkPath } from '../lib/paths';
import { type ChaincodeEntry } from './chaincode-entry';

/** What the last successful `deploy` committed, so `up` can restart the chaincode servers after a stop. */
export interface DeploymentState {
  readonly name: string;
  readonly version: string;
  readonly sequence: number;
  /** Package id per org key: each org's server must register under its own package's id. */
  readonly packageIds: Readonly<Record<string, string>>;
  readonly committedAt: string;
  /** The contracts the servers load; files written before it existed mean `production`. */
  readonly entry?: ChaincodeEntry;
}

const stateFile = (): string => networkPath('chaincode', 'deployment.json');

export async function readDeploymentState(): Promise<DeploymentState | undefined> {
  if (!existsSync(stateFile())) return undefined;
  return JSON.parse(await readFile(stateFile(), 'utf8')) as DeploymentState;
}

export async function writeDeploymentState(state: DeploymentState): Promise<void> {
  await mkdir(path.dirname(stateFile()), { recursive: true });
  await writeFile(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}
