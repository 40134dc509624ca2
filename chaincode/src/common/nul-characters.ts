import { ValidationError } from './errors';

/**
 * Refuses request data with a NUL character (U+0000) anywhere, in a value or a key. No field takes
 * one, and downstream stores cannot hold it (PostgreSQL text): the gateway refuses such bodies, and
 * this refuses them for clients that call the chaincode directly. Iterative, so depth is no concern.
 */
export function refuseNulCharacters(value: unknown, field: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    const found =
      typeof current === 'string'
        ? current.includes('\u0000')
        : current !== null &&
          typeof current === 'object' &&
          Object.entries(current).some(([key, child]) => {
            stack.push(child);
            return key.includes('\u0000');
          });
    if (found) {
      throw new ValidationError(`${field} contains a NUL character`, [
        { field, message: 'no text may contain U+0000' },
      ]);
    }
  }
}
