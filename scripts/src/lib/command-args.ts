import { OperatorError } from './errors';

/**
 * The value after `--name` in a command's arguments, or undefined when the flag is absent. A flag
 * given without a value (at the end, or followed by another flag) is an error shown with `usage`.
 */
export function flagValue(args: readonly string[], name: string, usage: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new OperatorError(`${name} needs a value`, usage);
  return value;
}

/**
 * Refuses an argument that is neither one of `positional` leading values nor a known flag with its
 * value, and a flag given twice, so a mistyped flag (`--vehicel`) is an error rather than ignored.
 */
export function assertKnownFlags(
  args: readonly string[],
  positional: number,
  flags: readonly string[],
  usage: string,
): void {
  const seen = new Set<string>();
  for (let at = positional; at < args.length; at += 2) {
    const arg = args[at] ?? '';
    if (!flags.includes(arg)) throw new OperatorError(`unexpected argument ${JSON.stringify(arg)}`, usage);
    if (seen.has(arg)) throw new OperatorError(`${arg} is given twice`, usage);
    seen.add(arg);
    flagValue(args.slice(at), arg, usage); // refuses the flag without its value
  }
}
