import { type ChaincodeName, definitionsFor } from '../../../chaincode/src/contract';
import { type ChaincodeEntry } from './chaincode-entry';
import { type DefinitionState, type DeploymentState } from './deployment-state';
import { type Committed } from './lifecycle-commands';

/** What `deploy` does with one definition of the entry. */
export type DefinitionPlan =
  | {
      readonly kind: 'unchanged';
      readonly name: ChaincodeName;
      readonly state: DefinitionState;
    }
  | {
      readonly kind: 'upgrade';
      readonly name: ChaincodeName;
      readonly version: string;
      /** The sequence to approve and commit: one past the committed one (1 for a new definition). */
      readonly sequence: number;
      /** Why, for the log. */
      readonly reason: string;
    };

export interface DeploymentPlan {
  readonly definitions: readonly DefinitionPlan[];
  /**
   * Definitions outside this entry that are committed or recorded (smoke on a production deploy):
   * their servers stop; the definition stays committed, because Fabric cannot remove one.
   */
  readonly retired: readonly ChaincodeName[];
}

/**
 * A definition is left alone only when the channel has the version just built committed and
 * deployment.json has it too (it holds the package ids its servers run under); anything else
 * upgrades it to the next sequence, which also repairs a lost deployment.json.
 */
export function planDefinition(
  name: ChaincodeName,
  version: string,
  committed: Committed | undefined,
  recorded: DefinitionState | undefined,
): DefinitionPlan {
  if (
    committed?.version === version &&
    recorded?.version === version &&
    recorded.sequence === committed.sequence
  ) {
    return { kind: 'unchanged', name, state: recorded };
  }
  const sequence = (committed?.sequence ?? 0) + 1;
  const reason =
    committed === undefined
      ? 'not committed yet'
      : committed.version !== version
        ? `committed ${committed.version} (sequence ${committed.sequence}), built ${version}`
        : `committed ${version}, but deployment.json does not record its package ids`;
  return { kind: 'upgrade', name, version, sequence, reason };
}

export function planDeployment(
  entry: ChaincodeEntry,
  versions: ReadonlyMap<ChaincodeName, string>,
  committed: ReadonlyMap<string, Committed>,
  previous: DeploymentState,
): DeploymentPlan {
  const specs = definitionsFor(entry);
  const definitions = specs.map((spec) => {
    const version = versions.get(spec.name);
    if (version === undefined) throw new Error(`no version computed for ${spec.name}`);
    return planDefinition(spec.name, version, committed.get(spec.name), previous.definitions[spec.name]);
  });
  const inEntry = new Set<string>(specs.map((spec) => spec.name));
  const retired = definitionsFor('test-fixtures')
    .map((spec) => spec.name)
    .filter(
      (name) => !inEntry.has(name) && (committed.has(name) || previous.definitions[name] !== undefined),
    );
  return { definitions, retired };
}
