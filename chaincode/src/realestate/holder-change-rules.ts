// Who may change who holds a unit. Only two acts give a unit new right holders:
//   - TRANSFER, which carries the tax bureau's deed-tax clearance for exactly those transferees and, on a
//     mortgaged unit, the mortgagee's consent (acts.ts), and
//   - CORRECTION, when the register named the wrong holders, resting on a recorded basis: a court
//     decision or the registry's own finding of its error (correction-basis.ts).
// A CHANGE alters the other particulars of the unit (area, use, location…). Letting it replace the
// holders would be a transfer without deed tax and without the mortgagee, so it is refused outright.
// Whether the unit's state admits the act at all (seized, cancelled) is unit-state-rules.ts.

import { RuleViolationError } from '../common/errors';
import { type RegisterRequest } from './register-request';

/** A CHANGE that names right holders: RULE_VIOLATION naming the transient field. */
export function changeCannotReplaceHolders(): RuleViolationError {
  return new RuleViolationError(
    'a CHANGE registration changes the particulars of a unit, not who holds it: register a TRANSFER ' +
      '(with its deed-tax clearance) or a CORRECTION with a correctionBasis to change the holders',
    [
      {
        field: 'transient.holders',
        message: 'must be absent for CHANGE: only TRANSFER or CORRECTION changes the holders',
      },
    ],
  );
}

/** A CORRECTION that replaces the holders must name the decision or finding it rests on. */
export function requireCorrectionBasis(request: RegisterRequest): void {
  if (request.correctionBasis === null) {
    throw new RuleViolationError(
      `a CORRECTION of the holders of unit ${request.unitNumber} needs its recorded basis: a court decision ` +
        "or the registry's finding of its own error",
      [
        {
          field: 'correctionBasis',
          message: 'is required when a CORRECTION changes the holders: { kind, reference }',
        },
      ],
    );
  }
}
