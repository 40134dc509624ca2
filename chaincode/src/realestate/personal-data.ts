// Personal data of right holders and transferees. Names and ID numbers arrive as transient data
// (never in the proposal arguments, which land in the block) and go to a private data collection; the
// public records get a masked name and a salted SHA-256 of the ID number. Chaincode has no
// randomness, so the client sends each salt and the salt is stored with the private data.
//
//   idHash = hex(SHA-256(UTF-8(salt + ':' + canonical resident ID)))
//
// where the canonical ID is the parseResidentId form (upper-case X) and the salt is 32–128 hex
// digits, lower-cased.

import { type Context } from 'fabric-contract-api';
import { type ErrorDetail, ValidationError } from '../common/errors';
import { SALT_PATTERN, maskName, saltedIdHash } from '../common/personal-data';
import { parseResidentId } from '../common/identifiers';
import { transactionTime } from '../common/transaction-time';
import { refuseNulCharacters } from '../common/nul-characters';

export const MAX_HOLDERS = 20;
export const MAX_NAME_LENGTH = 64;
const SHARE_PATTERN = /^([1-9][0-9]{0,3})\/([1-9][0-9]{0,3})$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** What the public state shows of a holder. */
export interface PublicHolder {
  readonly maskedName: string;
  readonly idHash: string;
  /** Fraction "n/d" of the right, or null when the act names holders without shares (objectors). */
  readonly share: string | null;
}

/** What the private collection keeps of a holder. */
export interface PrivateHolder {
  readonly name: string;
  readonly idNumber: string;
  readonly share: string | null;
  readonly salt: string;
}

export interface HolderInput extends PrivateHolder {
  /** TRANSFER only: the salt the tax bureau used for this transferee in the deed-tax clearance. */
  readonly clearanceSalt: string | null;
}

export function publicHolder(holder: PrivateHolder): PublicHolder {
  return {
    maskedName: maskName(holder.name),
    idHash: saltedIdHash(holder.salt, holder.idNumber),
    share: holder.share,
  };
}

export function privateHolder(holder: HolderInput): PrivateHolder {
  return { name: holder.name, idNumber: holder.idNumber, share: holder.share, salt: holder.salt };
}

/** The transient field `name` decoded as JSON, or undefined when absent. */
export function readTransientJson(ctx: Context, name: string): unknown {
  const bytes = ctx.stub.getTransient().get(name);
  if (bytes === undefined || bytes.length === 0) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new ValidationError(`transient field '${name}' is not UTF-8 JSON`, [
      { field: `transient.${name}`, message: 'must be JSON' },
    ]);
  }
  refuseNulCharacters(value, `transient.${name}`);
  return value;
}

export interface HolderOptions {
  readonly sharesRequired: boolean;
  readonly clearanceSaltRequired: boolean;
}

/** Parses the transient `holders` array; every problem of every holder is reported at once. */
export function parseHolders(ctx: Context, raw: unknown, options: HolderOptions): HolderInput[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_HOLDERS) {
    throw new ValidationError('invalid holders', [
      { field: 'transient.holders', message: `must be an array of 1 to ${MAX_HOLDERS} holders` },
    ]);
  }
  const today = transactionTime(ctx).slice(0, 10);
  const problems: ErrorDetail[] = [];
  const holders = (raw as unknown[]).map((item, index) =>
    parseHolder(item, `transient.holders[${index}]`, today, options, problems),
  );
  const ids = holders.map((holder) => holder.idNumber);
  if (new Set(ids).size !== ids.length) {
    problems.push({ field: 'transient.holders', message: 'the same ID number appears twice' });
  }
  problems.push(...shareProblems(holders.map((holder) => holder.share)));
  if (problems.length > 0) {
    throw new ValidationError('invalid holders', problems);
  }
  return holders;
}

function parseHolder(
  item: unknown,
  field: string,
  today: string,
  options: HolderOptions,
  problems: ErrorDetail[],
): HolderInput {
  const fields = isObject(item) ? item : {};
  const name = typeof fields.name === 'string' ? fields.name.trim() : '';
  const nameLength = [...name].length;
  if (nameLength === 0 || nameLength > MAX_NAME_LENGTH || /\p{Cc}/u.test(name)) {
    problems.push({
      field: `${field}.name`,
      message: `must be 1 to ${MAX_NAME_LENGTH} printable characters`,
    });
  }
  const id = parseResidentId(typeof fields.idNumber === 'string' ? fields.idNumber : '', { notAfter: today });
  if (!id.valid) {
    // The reason names a position or check character, never the number itself.
    problems.push({ field: `${field}.idNumber`, message: `resident ID number ${id.reason}` });
  }
  const share = parseShare(fields.share, `${field}.share`, options.sharesRequired, problems);
  const salt = parseSalt(fields.salt, `${field}.salt`, true, problems) ?? '';
  const clearanceSalt = parseSalt(
    fields.clearanceSalt,
    `${field}.clearanceSalt`,
    options.clearanceSaltRequired,
    problems,
  );
  return { name, idNumber: id.valid ? id.value.canonical : '', share, salt, clearanceSalt };
}

function parseShare(raw: unknown, field: string, required: boolean, problems: ErrorDetail[]): string | null {
  if (raw === undefined || raw === null) {
    if (required) {
      problems.push({ field, message: 'is required, as a fraction such as 1/2' });
    }
    return null;
  }
  const match = typeof raw === 'string' ? SHARE_PATTERN.exec(raw) : null;
  if (match === null || Number(match[1]) > Number(match[2])) {
    problems.push({ field, message: 'must be a fraction n/d with 1 ≤ n ≤ d ≤ 9999, such as 1/2' });
    return null;
  }
  return raw as string;
}

function parseSalt(raw: unknown, field: string, required: boolean, problems: ErrorDetail[]): string | null {
  if (raw === undefined || raw === null) {
    if (required) {
      problems.push({ field, message: 'is required: 32 to 128 hex digits chosen at random by the client' });
    }
    return null;
  }
  if (typeof raw !== 'string' || !SALT_PATTERN.test(raw)) {
    problems.push({ field, message: 'must be 32 to 128 hex digits' });
    return null;
  }
  return raw.toLowerCase();
}

/** Shares are all absent, or all present and summing to exactly 1 (integer arithmetic, no rounding). */
function shareProblems(shares: readonly (string | null)[]): ErrorDetail[] {
  const present = shares.filter((share): share is string => share !== null);
  if (present.length === 0) {
    return [];
  }
  if (present.length !== shares.length) {
    return [{ field: 'transient.holders', message: 'either every holder has a share or none has' }];
  }
  let numerator = 0n;
  let denominator = 1n;
  for (const share of present) {
    const [n = '0', d = '1'] = share.split('/');
    numerator = numerator * BigInt(d) + BigInt(n) * denominator;
    denominator *= BigInt(d);
  }
  return numerator === denominator
    ? []
    : [{ field: 'transient.holders', message: 'the shares must add up to exactly 1' }];
}

export interface TransfereeInput {
  readonly idNumber: string;
  readonly salt: string;
}

/** Parses the deed-tax clearance's transient `transferees` array: [{ idNumber, salt }]. */
export function parseTransferees(ctx: Context, raw: unknown): TransfereeInput[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_HOLDERS) {
    throw new ValidationError('invalid transferees', [
      { field: 'transient.transferees', message: `must be an array of 1 to ${MAX_HOLDERS} transferees` },
    ]);
  }
  const today = transactionTime(ctx).slice(0, 10);
  const problems: ErrorDetail[] = [];
  const transferees = (raw as unknown[]).map((item, index) => {
    const field = `transient.transferees[${index}]`;
    const fields = isObject(item) ? item : {};
    const id = parseResidentId(typeof fields.idNumber === 'string' ? fields.idNumber : '', {
      notAfter: today,
    });
    if (!id.valid) {
      problems.push({ field: `${field}.idNumber`, message: `resident ID number ${id.reason}` });
    }
    const salt = parseSalt(fields.salt, `${field}.salt`, true, problems) ?? '';
    return { idNumber: id.valid ? id.value.canonical : '', salt };
  });
  if (new Set(transferees.map((transferee) => transferee.idNumber)).size !== transferees.length) {
    problems.push({ field: 'transient.transferees', message: 'the same ID number appears twice' });
  }
  if (problems.length > 0) {
    throw new ValidationError('invalid transferees', problems);
  }
  return transferees;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
