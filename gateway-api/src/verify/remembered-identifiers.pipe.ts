import { type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';

import {
  BagBarcodeParams,
  CertificateNumberParams,
  UsccParams,
} from '../common/identifiers/identifier-params';
import { HolderMatchQuery, QrQuery } from './dto/verify-params.dto';

/** The verification routes' parameter and query classes (verify.controller.ts). */
const VERIFY_IDENTIFIERS: readonly Type[] = [
  CertificateNumberParams,
  UsccParams,
  BagBarcodeParams,
  HolderMatchQuery,
  QrQuery,
];

/** The global validation pipe, remembering what it accepted of the verification routes' identifiers. */
export function rememberVerifyIdentifiers(pipe: PipeTransform): PipeTransform {
  return new RememberedIdentifiersPipe(pipe, VERIFY_IDENTIFIERS);
}

/**
 * Wraps the global validation pipe so that the public verification routes' identifiers are
 * validated once per distinct value. A citizen's page, a QR scan and a burst of re-checks ask about
 * the same few numbers over and over, and class-transformer plus class-validator on them was 7% of
 * the gateway's CPU per cached answer. Only what the pipe accepted is remembered, and only for the
 * classes listed: their transforms and checks are pure functions of the identifier (format and
 * check digit), so the remembered result is the one the pipe would give again. A query is
 * remembered only when empty: a filled one may carry personal data (the holder question).
 * Everything else, and every refusal, goes through the pipe each time.
 */
export class RememberedIdentifiersPipe implements PipeTransform {
  readonly #accepted = new Map<Type, Map<string, object>>();

  constructor(
    private readonly pipe: PipeTransform,
    remembered: readonly Type[],
    private readonly maxEntries = 10_000,
  ) {
    for (const type of remembered) this.#accepted.set(type, new Map());
  }

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const accepted = metadata.metatype === undefined ? undefined : this.#accepted.get(metadata.metatype);
    const key = accepted === undefined ? undefined : rememberableKey(value, metadata);
    if (accepted === undefined || key === undefined) return this.pipe.transform(value, metadata) as unknown;
    const known = accepted.get(key);
    if (known !== undefined) return copyOf(known);
    const result: unknown = await this.pipe.transform(value, metadata);
    if (typeof result !== 'object' || result === null) return result;
    accepted.set(key, copyOf(result));
    // Map keeps insertion order: the first keys are the oldest
    for (const oldest of accepted.keys()) {
      if (accepted.size <= this.maxEntries) break;
      accepted.delete(oldest);
    }
    return result;
  }
}

/**
 * The memo key of path parameters (strings only, as the router gives them) or of an empty query;
 * undefined for anything else.
 */
function rememberableKey(value: unknown, { type }: ArgumentMetadata): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (type === 'query') return entries.length === 0 ? '' : undefined;
  if (type !== 'param' || !entries.every(([, field]) => typeof field === 'string')) return undefined;
  return JSON.stringify(entries);
}

/** Each request gets its own instance of the DTO class: a handler may keep or change what it gets. */
function copyOf<T extends object>(dto: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(dto) as object | null) as T, dto);
}
