/**
 * An error the operator can act on: what went wrong, and where to look.
 * The CLI prints these without a stack trace; anything else is a bug.
 */
export class OperatorError extends Error {
  override readonly name: string = 'OperatorError';

  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A registry refused a package we need: outside our reach, reported as "blocked". */
export class RegistryRefusedError extends OperatorError {
  override readonly name = 'RegistryRefusedError';
}
