import { type ConfigService } from '@nestjs/config';

import {
  BusinessCaseOpenedProjector,
  BusinessLicenseStatusChangedProjector,
  BusinessStepCompletedProjector,
} from '../../src/business/projection/business.projectors';
import { BusinessWorkingCalendar } from '../../src/business/working-calendar';
import { type EnvironmentVariables } from '../../src/config/env.schema';
import { validateEnv } from '../../src/config/validate-env';
import { type Projector } from '../../src/index-db/projection/projector';
import { SmokeValueProjector } from '../../src/index-db/smoke/smoke-value.projector';
import { trustedOrigin } from '../../src/index-db/trust/testing/trusted-origin';
import { trustRuleFor } from '../../src/index-db/trust/trust-rules';
import { type LedgerEvent, type TransactionOrigin } from '../../src/ledger/ledger-events.port';
import { DeedTaxClearanceRecordedProjector } from '../../src/real-estate/projection/deed-tax-clearance.projector';
import { RealEstateRegisteredProjector } from '../../src/real-estate/projection/real-estate-registered.projector';
import { WASTE_PROJECTORS } from '../../src/waste/projection';

/** The default configuration's working calendar (the case projector needs one; claims do not use it). */
function defaultCalendar(): BusinessWorkingCalendar {
  const config = validateEnv({});
  return new BusinessWorkingCalendar({
    get: (key: keyof EnvironmentVariables) => config[key],
  } as unknown as ConfigService<EnvironmentVariables, true>);
}

/** Every projector the gateway runs, to read what each event claims. */
const PROJECTORS: ReadonlyMap<string, Projector> = new Map(
  [
    new SmokeValueProjector(),
    new RealEstateRegisteredProjector(),
    new DeedTaxClearanceRecordedProjector(),
    new BusinessCaseOpenedProjector(defaultCalendar()),
    new BusinessStepCompletedProjector(),
    new BusinessLicenseStatusChangedProjector(),
    ...WASTE_PROJECTORS.map((Waste) => new Waste()),
  ].map((projector): [string, Projector] => [projector.eventName, projector]),
);

/** A registry clerk's transaction endorsed by the registry, writing nothing. */
export const PLAIN_ORIGIN: TransactionOrigin = {
  creatorMspId: 'RegistryMSP',
  creatorRole: 'registry_clerk',
  endorserMspIds: ['RegistryMSP'],
  writes: new Map(),
};

/**
 * The origin our chaincode would give the transaction of `event`: the responsible department's
 * submitter and peers, writing the keys its projector derives from the payload (see trustedOrigin),
 * so the index trusts it. An event no projector handles or can read gets PLAIN_ORIGIN: the index
 * never checks its origin (no projector), or quarantines it as malformed before it would.
 */
export function trustworthyOrigin(event: LedgerEvent): TransactionOrigin {
  const projector = PROJECTORS.get(event.eventName);
  if (projector === undefined) return PLAIN_ORIGIN;
  try {
    return trustedOrigin(event.eventName, projector.prepare(event).claim);
  } catch {
    return PLAIN_ORIGIN;
  }
}

/**
 * The chaincode definition that emits `event` on a correct network (its trust rule's namespace, the
 * business step's from its payload); `unknown` for an event no projector handles or can read.
 */
export function emittingDefinition(event: Omit<LedgerEvent, 'chaincodeName'>): string {
  const projector = PROJECTORS.get(event.eventName);
  if (projector === undefined) return 'unknown';
  try {
    const { claim } = projector.prepare({ ...event, chaincodeName: 'unknown' });
    return trustRuleFor(event.eventName, claim.subject)?.namespace ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
