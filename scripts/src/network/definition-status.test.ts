import { describeDefinitions, type DefinitionFacts } from './definition-status';

const recorded = (version: string) => ({ version, sequence: 1, packageIds: {}, committedAt: '' });
const fact = (overrides: Partial<DefinitionFacts> & Pick<DefinitionFacts, 'name'>): DefinitionFacts => ({
  committed: { version: 'v1', sequence: 1 },
  recorded: recorded('v1'),
  serversExpected: true,
  serversHealthy: 4,
  serversTotal: 4,
  ...overrides,
});

describe('describeDefinitions', () => {
  it('lists every definition with its committed version, sequence and servers', () => {
    const { lines, problems } = describeDefinitions([
      fact({ name: 'realestate' }),
      fact({ name: 'smoke', committed: undefined, recorded: undefined, serversExpected: false }),
    ]);
    expect(lines).toEqual([
      '  realestate  committed version v1, sequence 1; servers 4/4 healthy',
      '  smoke       NOT COMMITTED (run `npm run deploy -- --test-fixtures`), a test fixture',
    ]);
    expect(problems).toBe(0);
  });

  it('counts a production definition not committed, a version deploy did not record, servers down', () => {
    const { lines, problems } = describeDefinitions([
      fact({ name: 'tax', committed: undefined }),
      fact({ name: 'business', recorded: recorded('v0') }),
      fact({ name: 'waste', serversHealthy: 3 }),
    ]);
    expect(lines[0]).toBe('  tax         NOT COMMITTED (run `npm run deploy`)');
    expect(lines[1]).toMatch(/deployment\.json records v0: run `npm run deploy`$/);
    expect(lines[2]).toMatch(/servers 3\/4 healthy$/);
    expect(problems).toBe(3);
  });

  it('says smoke has no servers after a production deploy, without counting it', () => {
    const { lines, problems } = describeDefinitions([fact({ name: 'smoke', serversExpected: false })]);
    expect(lines[0]).toMatch(
      /committed version v1, sequence 1; no servers \(not part of the last deploy's entry\)$/,
    );
    expect(problems).toBe(0);
  });
});
