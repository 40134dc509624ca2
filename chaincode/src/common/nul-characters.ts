import { ValidationError } from './errors';

/**
 * True when a string (or an object key) anywhere in `value` holds a NUL character (U+0000). No field
 * takes one, and downstream stores cannot hold it (PostgreSQL text). The gateway refuses such request
 * bodies with this check; the chaincode refuses them too, for clients that call it directly.
 * Iterative, so depth is no concern.
 */
export function containsNulCharacter(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** VALIDATION_FAILED naming `field` when `value` contains a NUL character. */
export function refuseNulCharacters(value: unknown, field: string): void {
  if (containsNulCharacter(value)) {
    throw new ValidationError(`${field} contains a NUL character`, [
      { field, message: 'no text may contain U+0000' },
    ]);
  }
}
