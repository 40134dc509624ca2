// A case id is derived from the USCC: `BO-<USCC>`. A USCC identifies one market entity for life, so it
// opens at most one case; deriving the id makes "USCC already registered" a plain key-existence check,
// needs no counter (no hot key) and gives every endorsing peer the same id without client input.

import { ValidationError } from '../common/errors';
import { parseUscc } from '../common/identifiers';

const PREFIX = 'BO-';

export function caseIdForUscc(canonicalUscc: string): string {
  return `${PREFIX}${canonicalUscc}`;
}

/** The canonical case id (upper-case USCC part) or VALIDATION_FAILED. */
export function parseCaseId(caseId: string, field = 'caseId'): { caseId: string; uscc: string } {
  const prefix = typeof caseId === 'string' ? caseId.slice(0, PREFIX.length).toUpperCase() : '';
  const uscc = prefix === PREFIX ? parseUscc(caseId.slice(PREFIX.length)) : undefined;
  if (uscc === undefined || !uscc.valid) {
    throw new ValidationError('invalid case id', [
      {
        field,
        message: `must be BO- followed by a valid USCC${uscc === undefined ? '' : `: ${uscc.reason}`}`,
      },
    ]);
  }
  return { caseId: caseIdForUscc(uscc.value.canonical), uscc: uscc.value.canonical };
}

/** The canonical USCC or VALIDATION_FAILED. */
export function requireUscc(input: string, field = 'uscc'): string {
  const uscc = typeof input === 'string' ? parseUscc(input) : undefined;
  if (uscc === undefined || !uscc.valid) {
    throw new ValidationError('invalid USCC', [
      { field, message: uscc === undefined ? 'must be text' : `invalid USCC: ${uscc.reason}` },
    ]);
  }
  return uscc.value.canonical;
}
