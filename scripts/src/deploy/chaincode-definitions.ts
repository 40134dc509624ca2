import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  type ChaincodeDefinitionSpec,
  type ChaincodeName,
  definitionsFor,
} from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { networkPath, paths } from '../lib/paths';
import { type Topology } from '../network/topology';
import { withDissemination } from './collection-dissemination';

/**
 * The parts of one chaincode definition that network/ decides (besides name, version and sequence,
 * which `deploy` works out): its endorsement policy (network/chaincode-definitions.yaml) and its
 * private data collections (network/collections/<definition>.json, completed with the dissemination
 * counts the topology implies). Both are checked against chaincode/src/common/definitions.ts when
 * they are loaded, so the network's configuration and the chaincode's table cannot drift apart.
 */
export interface DefinitionConfig {
  readonly spec: ChaincodeDefinitionSpec;
  readonly endorsementPolicy: string;
  /**
   * The collections config Fabric gets (JSON text, with requiredPeerCount and maxPeerCount derived
   * from the topology) and the runtime file the peer CLI reads it from (written before each use by
   * writeCollectionsFile); both absent when the definition has none.
   */
  readonly collections?: { readonly json: string; readonly file: string };
  /**
   * The policy and the collections config as Fabric gets it, folded into the version: a change of
   * either, a peer added to a member org among them, is a new definition sequence.
   */
  readonly fingerprint: string;
}

export const definitionsFile = (dir = paths.networkDefinition): string =>
  path.join(dir, 'chaincode-definitions.yaml');
export const collectionsFileOf = (name: ChaincodeName, dir = paths.networkDefinition): string =>
  path.join(dir, 'collections', `${name}.json`);
/** Where deploy writes the collections config it hands to `peer lifecycle` (runtime folder). */
export const renderedCollectionsFileOf = (name: ChaincodeName): string =>
  networkPath('chaincode', 'collections', `${name}.json`);

/**
 * The principals of a signature policy of the form OR('A.peer', 'B.peer'), or undefined for any
 * other form. Only this form is accepted: it is the one the table means ("any one of these
 * departments' peers"), and comparing other forms for equivalence is not worth the risk of a mistake.
 */
export function orOfPeers(policy: string): string[] | undefined {
  const body = /^OR\((.*)\)$/.exec(policy.trim())?.[1];
  if (body === undefined) return undefined;
  const principals = body
    .split(',')
    .map((part) => /^'([A-Za-z][A-Za-z0-9-]*)\.peer'$/.exec(part.trim())?.[1]);
  return principals.every((msp): msp is string => msp !== undefined) ? principals : undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && new Set(a).size === a.length && a.every((item) => b.includes(item));

const expectedPolicy = (spec: ChaincodeDefinitionSpec): string =>
  `OR(${spec.endorsers.map((msp) => `'${msp}.peer'`).join(', ')})`;

/** Checks one definition's policy and collections against its spec; throws naming the first mismatch. */
export function checkDefinitionConfig(
  spec: ChaincodeDefinitionSpec,
  endorsementPolicy: unknown,
  collections: unknown,
  where: { readonly policy: string; readonly collections: string },
): void {
  const principals = typeof endorsementPolicy === 'string' ? orOfPeers(endorsementPolicy) : undefined;
  if (principals === undefined || !sameSet(principals, spec.endorsers)) {
    throw new OperatorError(
      `${where.policy}: ${spec.name}.endorsementPolicy is ${JSON.stringify(endorsementPolicy)}; ` +
        `chaincode/src/common/definitions.ts says ${expectedPolicy(spec)}`,
    );
  }
  if (!Array.isArray(collections)) {
    throw new OperatorError(`${where.collections} must be a JSON list of collections`);
  }
  const names = collections.map((collection: unknown) =>
    typeof collection === 'object' && collection !== null
      ? (collection as { name?: unknown }).name
      : undefined,
  );
  if (!names.every((name): name is string => typeof name === 'string') || !sameSet(names, spec.collections)) {
    throw new OperatorError(
      `${where.collections}: the collections of ${spec.name} are ${JSON.stringify(names)}; ` +
        `chaincode/src/common/definitions.ts says ${JSON.stringify(spec.collections)}`,
    );
  }
  for (const collection of collections as { name: string; endorsementPolicy?: unknown }[]) {
    checkCollectionEndorsement(spec, collection, where.collections);
  }
}

/**
 * A collection-level endorsement policy replaces the definition's for the collection's keys, so one
 * naming another department would let it write this namespace's private data: it must name exactly
 * the definition's endorsers (or be absent, leaving the definition's policy in force).
 */
function checkCollectionEndorsement(
  spec: ChaincodeDefinitionSpec,
  collection: { name: string; endorsementPolicy?: unknown },
  file: string,
): void {
  if (collection.endorsementPolicy === undefined) return;
  const policy = collection.endorsementPolicy as { signaturePolicy?: unknown; channelConfigPolicy?: unknown };
  const principals =
    typeof policy.signaturePolicy === 'string' && policy.channelConfigPolicy === undefined
      ? orOfPeers(policy.signaturePolicy)
      : undefined;
  if (principals === undefined || !sameSet(principals, spec.endorsers)) {
    throw new OperatorError(
      `${file}: ${collection.name}.endorsementPolicy must be { "signaturePolicy": "${expectedPolicy(spec)}" } ` +
        `(the definition's endorsers) or absent; got ${JSON.stringify(collection.endorsementPolicy)}`,
    );
  }
}

/**
 * Reads and checks the configuration of every definition (production and the smoke fixture, so a
 * drift is caught whichever entry is deployed). The file must name exactly the table's definitions.
 */
export async function loadDefinitionConfigs(
  topology: Topology,
  dir = paths.networkDefinition,
): Promise<ReadonlyMap<ChaincodeName, DefinitionConfig>> {
  const file = definitionsFile(dir);
  const document = parse(await readFile(file, 'utf8')) as { definitions?: unknown } | null;
  const definitions = document?.definitions;
  if (typeof definitions !== 'object' || definitions === null || Array.isArray(definitions)) {
    throw new OperatorError(`${file}: definitions must be a mapping of definition name to its settings`);
  }
  const specs = definitionsFor('test-fixtures');
  const unknown = Object.keys(definitions).filter((key) => !specs.some((spec) => spec.name === key));
  if (unknown.length > 0) {
    throw new OperatorError(
      `${file}: ${unknown.join(', ')} is no chaincode definition of chaincode/src/common/definitions.ts ` +
        `(${specs.map((spec) => spec.name).join(', ')})`,
    );
  }
  const configs = new Map<ChaincodeName, DefinitionConfig>();
  for (const spec of specs) {
    const settings = (definitions as Record<string, unknown>)[spec.name];
    if (typeof settings !== 'object' || settings === null) {
      throw new OperatorError(`${file}: definition ${spec.name} is missing`);
    }
    const { endorsementPolicy } = settings as { endorsementPolicy?: unknown };
    const collectionsFile = collectionsFileOf(spec.name, dir);
    const collectionsSource = existsSync(collectionsFile) ? await readFile(collectionsFile, 'utf8') : '[]';
    let collections: unknown;
    try {
      collections = JSON.parse(collectionsSource) as unknown;
    } catch (error) {
      throw new OperatorError(`${collectionsFile} is not JSON (${String(error)})`);
    }
    checkDefinitionConfig(spec, endorsementPolicy, collections, {
      policy: file,
      collections: collectionsFile,
    });
    const json = JSON.stringify(
      withDissemination(topology, collections as Record<string, unknown>[], collectionsFile),
      null,
      2,
    );
    configs.set(spec.name, {
      spec,
      endorsementPolicy: endorsementPolicy as string,
      ...(spec.collections.length > 0 && {
        collections: { json, file: renderedCollectionsFileOf(spec.name) },
      }),
      fingerprint: `${String(endorsementPolicy)}\0${json}`,
    });
  }
  return configs;
}

/**
 * Writes the definition's collections config where the peer CLI reads it (temporary file, then
 * rename: approvals of one definition run side by side and must never read half a file).
 */
export async function writeCollectionsFile(config: DefinitionConfig): Promise<void> {
  if (config.collections === undefined) return;
  const { file, json } = config.collections;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${json}\n`);
  await rename(temporary, file);
}
