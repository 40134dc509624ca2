import { type Type } from '@nestjs/common';

import { SmokeModule } from './smoke.module';

/**
 * The value of GOVTRACE_TEST_FIXTURES that mounts the smoke routes. Only the end-to-end tests set
 * it, on a network deployed with `deploy --test-fixtures`: the production chaincode has no smoke
 * contract, and `npm start` must not offer any token a way to write arbitrary text to the channel.
 */
export const SMOKE_FIXTURE = 'smoke';

/** The fixture modules the environment asks for; none unless GOVTRACE_TEST_FIXTURES is `smoke`. */
export function testFixtureModules(env: NodeJS.ProcessEnv = process.env): Type[] {
  return env['GOVTRACE_TEST_FIXTURES'] === SMOKE_FIXTURE ? [SmokeModule] : [];
}
