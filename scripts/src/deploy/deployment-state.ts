import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type ChaincodeName, definitionsFor } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { networkPath } from '../lib/paths';
import { type ChaincodeEntry } from './chaincode-entry';

/** What the last successful `deploy` committed of one definition. */
export interface DefinitionState {
  readonly version: string;
  readonly sequence: number;
  /** Package id per org key: each org's server for the definition registers under its own package's id. */
  readonly packageIds: Readonly<Record<string, string>>;
  readonly committedAt: string;
}

/**
 * `.govtrace/network/chaincode/deployment.json`: what `deploy` committed, so `up` can restart the
 * chaincode servers after a stop and the next `deploy` knows each server's package id.
 */
export interface DeploymentState {
  readonly format: 2;
  /**
   * The entry of the last `deploy`: the servers of definitionsFor(entry) run. A definition outside it
   * (smoke after a production deploy) keeps its record, since it stays committed on the channel.
   */
  readonly entry: ChaincodeEntry;
  readonly definitions: Readonly<Partial<Record<ChaincodeName, DefinitionState>>>;
}

export type DeploymentRecord =
  | { readonly kind: 'none' }
  /** A file of the single-definition chaincode (before one definition per department): nothing of now. */
  | { readonly kind: 'legacy'; readonly name: string }
  | { readonly kind: 'current'; readonly state: DeploymentState };

export const deploymentStateFile = (): string => networkPath('chaincode', 'deployment.json');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the file's JSON: the current shape, an older one, or a refusal naming the file. */
export function parseDeploymentState(json: unknown, file = deploymentStateFile()): DeploymentRecord {
  if (isObject(json) && json['format'] === 2 && isObject(json['definitions'])) {
    if (json['entry'] !== 'production' && json['entry'] !== 'test-fixtures') {
      throw new OperatorError(`${file}: entry must be production or test-fixtures`);
    }
    return { kind: 'current', state: json as unknown as DeploymentState };
  }
  if (isObject(json) && typeof json['name'] === 'string' && typeof json['version'] === 'string') {
    return { kind: 'legacy', name: json['name'] };
  }
  throw new OperatorError(
    `${file} is not a deployment record this version understands`,
    'Run `npm run deploy` (it rewrites the file), or restore the file from a backup.',
  );
}

export async function readDeploymentState(): Promise<DeploymentRecord> {
  const file = deploymentStateFile();
  if (!existsSync(file)) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new OperatorError(`${file} is not JSON (${String(error)})`, 'Run `npm run deploy` to rewrite it.');
  }
  return parseDeploymentState(json, file);
}

/** The deployment's current state, or an empty one for a missing or single-definition file. */
export function currentState(record: DeploymentRecord, entry: ChaincodeEntry): DeploymentState {
  return record.kind === 'current' ? record.state : { format: 2, entry, definitions: {} };
}

/** The log line for a file of the single-definition chaincode: what is and is not started. */
export const legacyNotice = (name: string): string =>
  `${deploymentStateFile()} records the single chaincode definition "${name}" of an earlier version: ` +
  'no chaincode server is started for the per-department definitions until `npm run deploy` commits them';

/** The definitions whose servers run: those of the last deploy's entry that were committed. */
export function deployedDefinitions(
  state: DeploymentState,
): { readonly name: ChaincodeName; readonly definition: DefinitionState }[] {
  return definitionsFor(state.entry).flatMap((spec) => {
    const definition = state.definitions[spec.name];
    return definition ? [{ name: spec.name, definition }] : [];
  });
}

/** Written to a temporary file and renamed, so a reader never sees half of it. */
export async function writeDeploymentState(state: DeploymentState): Promise<void> {
  const file = deploymentStateFile();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
