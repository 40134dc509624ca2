import { OperatorError } from '../lib/errors';
import {
  currentState,
  deployedDefinitions,
  type DeploymentState,
  parseDeploymentState,
} from './deployment-state';

const definition = (version: string) => ({
  version,
  sequence: 1,
  packageIds: { registry: `${version}:a` },
  committedAt: '2026-01-01T00:00:00.000Z',
});

describe('deployment.json', () => {
  it('reads the per-definition shape', () => {
    const state: DeploymentState = { format: 2, entry: 'production', definitions: { tax: definition('t1') } };
    expect(parseDeploymentState(JSON.parse(JSON.stringify(state)))).toEqual({ kind: 'current', state });
  });

  it('recognises a file of the single-definition chaincode and treats it as nothing deployed now', () => {
    const legacy = {
      name: 'govtrace',
      version: 'abc123',
      sequence: 4,
      packageIds: { registry: 'govtrace_abc123:ff' },
      entry: 'test-fixtures',
      committedAt: '2025-12-01T00:00:00.000Z',
    };
    const record = parseDeploymentState(legacy);
    expect(record).toEqual({ kind: 'legacy', name: 'govtrace' });
    expect(currentState(record, 'production')).toEqual({ format: 2, entry: 'production', definitions: {} });
  });

  it('refuses anything else, naming the file', () => {
    expect(() => parseDeploymentState([], '/x/deployment.json')).toThrow(OperatorError);
    expect(() => parseDeploymentState({ format: 3 }, '/x/deployment.json')).toThrow(
      '/x/deployment.json is not a deployment record this version understands',
    );
    expect(() => parseDeploymentState({ format: 2, entry: 'all', definitions: {} }, '/x/d.json')).toThrow(
      'entry must be production or test-fixtures',
    );
  });

  it("runs the servers of the last deploy's entry only: smoke stays recorded but stopped after production", () => {
    const definitions = { realestate: definition('r1'), smoke: definition('s1'), waste: definition('w1') };
    const names = (entry: DeploymentState['entry']) =>
      deployedDefinitions({ format: 2, entry, definitions }).map(({ name }) => name);
    expect(names('production')).toEqual(['realestate', 'waste']);
    expect(names('test-fixtures')).toEqual(['realestate', 'waste', 'smoke']);
  });
});
