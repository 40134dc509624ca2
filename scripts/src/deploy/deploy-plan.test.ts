import { type DeploymentState, type DefinitionState } from './deployment-state';
import { planDefinition, planDeployment } from './deploy-plan';

const recorded = (version: string, sequence: number): DefinitionState => ({
  version,
  sequence,
  packageIds: {
    registry: `x_${version}:1`,
    market: `x_${version}:2`,
    tax: `x_${version}:3`,
    urban: `x_${version}:4`,
  },
  committedAt: '2026-01-01T00:00:00.000Z',
});

const state = (
  entry: DeploymentState['entry'],
  definitions: DeploymentState['definitions'],
): DeploymentState => ({
  format: 2,
  entry,
  definitions,
});

const built = new Map([
  ['realestate', 'r2'],
  ['tax', 't1'],
  ['business', 'b1'],
  ['waste', 'w1'],
  ['smoke', 's1'],
] as const);

describe('planDefinition', () => {
  it('leaves a definition alone when the channel and deployment.json both have the version built', () => {
    expect(planDefinition('tax', 't1', { version: 't1', sequence: 3 }, recorded('t1', 3))).toEqual({
      kind: 'unchanged',
      name: 'tax',
      state: recorded('t1', 3),
    });
  });

  it('commits sequence 1 of a definition the channel does not have', () => {
    expect(planDefinition('waste', 'w1', undefined, undefined)).toMatchObject({
      kind: 'upgrade',
      version: 'w1',
      sequence: 1,
      reason: 'not committed yet',
    });
  });

  it('upgrades to the next sequence when the build differs from the committed version', () => {
    expect(
      planDefinition('realestate', 'r2', { version: 'r1', sequence: 4 }, recorded('r1', 4)),
    ).toMatchObject({
      kind: 'upgrade',
      sequence: 5,
      reason: 'committed r1 (sequence 4), built r2',
    });
  });

  it('upgrades when deployment.json lost the package ids of the committed version', () => {
    expect(planDefinition('business', 'b1', { version: 'b1', sequence: 2 }, undefined)).toMatchObject({
      kind: 'upgrade',
      sequence: 3,
      reason: 'committed b1, but deployment.json does not record its package ids',
    });
  });
});

describe('planDeployment', () => {
  it('plans the four production definitions for production, each on its own', () => {
    const committed = new Map([
      ['realestate', { version: 'r1', sequence: 1 }],
      ['tax', { version: 't1', sequence: 1 }],
      ['govtrace', { version: 'old', sequence: 7 }], // the single definition of before: ignored
    ]);
    const plan = planDeployment(
      'production',
      built,
      committed,
      state('production', { realestate: recorded('r1', 1), tax: recorded('t1', 1) }),
    );
    expect(plan.definitions.map((item) => [item.name, item.kind])).toEqual([
      ['realestate', 'upgrade'],
      ['tax', 'unchanged'],
      ['business', 'upgrade'],
      ['waste', 'upgrade'],
    ]);
    expect(plan.retired).toEqual([]);
  });

  it('adds smoke for test fixtures without touching unchanged production definitions', () => {
    const committed = new Map([
      ['realestate', { version: 'r2', sequence: 2 }],
      ['tax', { version: 't1', sequence: 1 }],
      ['business', { version: 'b1', sequence: 1 }],
      ['waste', { version: 'w1', sequence: 1 }],
    ]);
    const previous = state('production', {
      realestate: recorded('r2', 2),
      tax: recorded('t1', 1),
      business: recorded('b1', 1),
      waste: recorded('w1', 1),
    });
    const plan = planDeployment('test-fixtures', built, committed, previous);
    expect(plan.definitions.filter((item) => item.kind === 'upgrade').map((item) => item.name)).toEqual([
      'smoke',
    ]);
  });

  it('retires smoke on a production deploy of a network that has it committed', () => {
    const committed = new Map([['smoke', { version: 's1', sequence: 1 }]]);
    expect(planDeployment('production', built, committed, state('test-fixtures', {})).retired).toEqual([
      'smoke',
    ]);
    expect(
      planDeployment('production', built, new Map(), state('test-fixtures', { smoke: recorded('s1', 1) }))
        .retired,
    ).toEqual(['smoke']);
    expect(planDeployment('test-fixtures', built, committed, state('test-fixtures', {})).retired).toEqual([]);
  });
});
