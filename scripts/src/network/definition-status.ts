import { type ChaincodeName, ProductionDefinitions } from '../../../chaincode/src/contract';
import { type DefinitionState } from '../deploy/deployment-state';
import { type Committed } from '../deploy/lifecycle-commands';

/** What `network status` knows about one chaincode definition. */
export interface DefinitionFacts {
  readonly name: ChaincodeName;
  /** On the channel, as the first peer sees it; undefined: not committed (or the peer did not answer). */
  readonly committed?: Committed;
  /** In deployment.json. */
  readonly recorded?: DefinitionState;
  /** Part of the last deploy's entry, so its servers should run. */
  readonly serversExpected: boolean;
  readonly serversHealthy: number;
  readonly serversTotal: number;
}

/**
 * One line per definition, and how many of them are problems: a production definition not committed,
 * a committed version that is not the one deploy recorded (its servers run another package), servers
 * not healthy. The smoke fixture not committed is normal (`npm start` does not deploy it).
 */
export function describeDefinitions(facts: readonly DefinitionFacts[]): {
  lines: string[];
  problems: number;
} {
  const lines: string[] = [];
  let problems = 0;
  for (const fact of facts) {
    const production = ProductionDefinitions.some((spec) => spec.name === fact.name);
    const label = `  ${fact.name.padEnd(12)}`;
    if (!fact.committed) {
      if (production) problems += 1;
      lines.push(
        `${label}NOT COMMITTED (run \`npm run deploy${production ? '' : ' -- --test-fixtures'}\`)` +
          (production ? '' : ', a test fixture'),
      );
      continue;
    }
    const committed = `version ${fact.committed.version}, sequence ${fact.committed.sequence}`;
    if (!fact.serversExpected) {
      lines.push(`${label}committed ${committed}; no servers (not part of the last deploy's entry)`);
      continue;
    }
    const servers = `servers ${fact.serversHealthy}/${fact.serversTotal} healthy`;
    if (fact.recorded?.version !== fact.committed.version) {
      problems += 1;
      lines.push(
        `${label}committed ${committed}; deployment.json records ${fact.recorded?.version ?? 'nothing'}: ` +
          'run `npm run deploy`',
      );
      continue;
    }
    if (fact.serversHealthy < fact.serversTotal) problems += 1;
    lines.push(`${label}committed ${committed}; ${servers}`);
  }
  return { lines, problems };
}
