import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';

/** The parts of the chaincode definition that network/chaincode-definition.yaml decides. */
export interface ChaincodeDefinition {
  readonly endorsementPolicy: string;
  /** Absolute path of the collections config (JSON). */
  readonly collectionsFile: string;
  /** The bytes both files hold, folded into the chaincode version so a change yields a new sequence. */
  readonly fingerprint: string;
}

const definitionFile = (): string => path.join(paths.networkDefinition, 'chaincode-definition.yaml');

export async function loadChaincodeDefinition(): Promise<ChaincodeDefinition> {
  const source = await readFile(definitionFile(), 'utf8');
  const document = parse(source) as unknown;
  if (typeof document !== 'object' || document === null) {
    throw new OperatorError(`${definitionFile()} must be a mapping`);
  }
  const { endorsementPolicy, collections } = document as Record<string, unknown>;
  if (typeof endorsementPolicy !== 'string' || !/^(AND|OR|OutOf)\(/.test(endorsementPolicy)) {
    throw new OperatorError(
      `${definitionFile()}: endorsementPolicy must be a signature policy such as OR('A.peer')`,
    );
  }
  if (typeof collections !== 'string' || collections === '') {
    throw new OperatorError(`${definitionFile()}: collections must name the collections config file`);
  }
  const collectionsFile = path.join(paths.networkDefinition, collections);
  const collectionsSource = await readFile(collectionsFile, 'utf8');
  try {
    if (!Array.isArray(JSON.parse(collectionsSource))) throw new Error('not a list');
  } catch (error) {
    throw new OperatorError(`${collectionsFile} must be a JSON list of collections (${String(error)})`);
  }
  return { endorsementPolicy, collectionsFile, fingerprint: `${source}\0${collectionsSource}` };
}
