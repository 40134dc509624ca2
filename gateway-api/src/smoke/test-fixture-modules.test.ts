import { SmokeModule } from './smoke.module';
import { testFixtureModules } from './test-fixture-modules';

describe('testFixtureModules', () => {
  it('mounts nothing by default: production serves no smoke route', () => {
    expect(testFixtureModules({})).toEqual([]);
  });

  it.each(['', 'true', '1', 'SMOKE', 'smoke '])('mounts nothing for GOVTRACE_TEST_FIXTURES=%j', (value) => {
    expect(testFixtureModules({ GOVTRACE_TEST_FIXTURES: value })).toEqual([]);
  });

  it('mounts the smoke module only when the tests ask for it', () => {
    expect(testFixtureModules({ GOVTRACE_TEST_FIXTURES: 'smoke' })).toEqual([SmokeModule]);
  });
});
