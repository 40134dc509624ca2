// Which acts a unit's state admits, decided before the act's own rules (acts.ts). One place, so the
// table in README "realestate" can be read off it:
//   - cancelled: only a CORRECTION of its register entries, without a certificate or new holders;
//   - seized (查封): the seizure freezes the unit, so only what does not dispose of or burden it is
//     admitted: SEIZURE (refused by its own rule while one is in force: no waiting seizures), its
//     SEIZURE_RELEASE, an OBJECTION (a third party's claim is recorded, not decided) and a CORRECTION
//     that leaves the holders alone. Everything else, MORTGAGE_DISCHARGE included, waits for the
//     release (issue 13's list; see the README for why discharge is not admitted).

import { RuleViolationError } from '../common/errors';
import { type RegisterRequest } from './register-request';
import { type RegistrationType } from './registration-types';
import { type UnitRecord } from './unit-record';

const AdmittedWhileSeized: ReadonlySet<RegistrationType> = new Set([
  'SEIZURE',
  'SEIZURE_RELEASE',
  'OBJECTION',
  'CORRECTION',
]);

/** Throws RULE_VIOLATION when the unit's state refuses the act; `changesHolders`: the act names holders. */
export function refuseActInState(unit: UnitRecord, request: RegisterRequest, changesHolders: boolean): void {
  if (unit.status === 'CANCELLED') {
    refuseOnCancelled(unit, request, changesHolders);
  }
  if (unit.seizure !== null) {
    const holdersCorrected = request.type === 'CORRECTION' && changesHolders;
    if (!AdmittedWhileSeized.has(request.type) || holdersCorrected) {
      throw new RuleViolationError(
        `unit ${unit.unitNumber} is seized by ${unit.seizure.court} (registration ${unit.seizure.registrationId}): ` +
          `no ${holdersCorrected ? 'CORRECTION of its holders' : request.type} until the seizure is released`,
      );
    }
  }
}

function refuseOnCancelled(unit: UnitRecord, request: RegisterRequest, changesHolders: boolean): void {
  if (request.type !== 'CORRECTION') {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is cancelled: only a CORRECTION can be registered on it`,
    );
  }
  if (request.certificate !== null || changesHolders) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is cancelled: a CORRECTION may fix its register entries but cannot issue a certificate or change holders`,
    );
  }
}
