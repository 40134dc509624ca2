// The private "which units does this person own" index, in RegistryPrivate under
// realestate.holderUnit [lookupKey, unitNumber], value {unitNumber, holdersSequence}.
//
//   lookupKey = hex(HMAC-SHA256(pepper, UTF-8(canonical resident ID)))
//
// Why a keyed hash: Fabric writes SHA-256(key) and SHA-256(value) of every private write into the
// public block, and resident IDs are few enough to enumerate, so a key holding the ID or an unkeyed
// hash of it would let anyone with a block test "does ID X own unit Y". The pepper is a gateway
// secret sent as transient `holderLookupPepper` (base64, ≥ 32 bytes) and never stored on the ledger.
//
// The index lists OWNERS only (the unit's current holders), not objectors or advance-notice holders.
//
// Key versions: the gateway's key file has a version (1, 2, … one per rotation), sent as transient
// `holderLookupKeyVersion` (decimal; absent means 1). Each entry records the version of the pepper
// that made its key (`keyVersion`; entries without one, all written before versions existed, are
// version 1, and version 1 entries are still written without it, byte for byte as before), so after
// a rotation the entries still under an older key can be told apart and re-indexed.

import {
  HOLDER_LOOKUP_KEY_BYTES,
  KEY_VERSION_FIELD,
  MAX_HOLDER_LOOKUP_KEY_VERSION,
  PEPPER_FIELD,
} from '../common/holder-lookup';
import { createHmac } from 'node:crypto';
import { type Context } from 'fabric-contract-api';
import { Collections } from '../common/collections';
import { ValidationError } from '../common/errors';
import { deletePrivateRecord, getPrivateRecord, putPrivateRecord } from '../common/ledger';
import { holderUnitKey, holdersKey } from './keys';
import { type PrivateHolder, isObject } from './personal-data';
import { parsePrivateHolders } from './private-holders';
import { type UnitRecord } from './unit-record';

const MAX_KEY_VERSION = MAX_HOLDER_LOOKUP_KEY_VERSION;
const { min: MIN_PEPPER_BYTES, max: MAX_PEPPER_BYTES } = HOLDER_LOOKUP_KEY_BYTES;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The value of one index entry: no personal data, only which ownership generation it belongs to. */
export interface HolderUnitEntry {
  readonly unitNumber: string;
  /** unit.holdersSequence when written; an entry whose sequence is no longer the unit's is stale. */
  readonly holdersSequence: number;
  /** The version of the pepper its key was made with; stored only when not 1. */
  readonly keyVersion?: number;
}

/** The pepper and its version, as the gateway sent them. */
export interface HolderLookupKey {
  readonly pepper: Buffer;
  readonly version: number;
}

export function parseHolderUnitEntry(raw: unknown): HolderUnitEntry {
  if (
    !isObject(raw) ||
    typeof raw.unitNumber !== 'string' ||
    typeof raw.holdersSequence !== 'number' ||
    (raw.keyVersion !== undefined && !isKeyVersion(raw.keyVersion))
  ) {
    throw new Error('stored holder-unit index entry is invalid');
  }
  return {
    unitNumber: raw.unitNumber,
    holdersSequence: raw.holdersSequence,
    ...(raw.keyVersion !== undefined && raw.keyVersion !== 1 && { keyVersion: raw.keyVersion }),
  };
}

/** The version of the pepper an entry was written with: entries without one are version 1. */
export function entryKeyVersion(entry: HolderUnitEntry): number {
  return entry.keyVersion ?? 1;
}

function isKeyVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_KEY_VERSION;
}

/**
 * The pepper and its version from transient data; VALIDATION_FAILED naming the field when either is
 * malformed or the pepper is absent. No version means 1 (gateways from before versions send none).
 */
export function requireHolderLookupKey(ctx: Context, why: string): HolderLookupKey {
  return { pepper: requirePepper(ctx, why), version: keyVersion(ctx) };
}

function keyVersion(ctx: Context): number {
  const bytes = ctx.stub.getTransient().get(KEY_VERSION_FIELD);
  if (bytes === undefined || bytes.length === 0) return 1;
  const text = Buffer.from(bytes).toString('latin1').trim();
  const version = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
  if (!isKeyVersion(version)) {
    throw new ValidationError(`transient '${KEY_VERSION_FIELD}' is invalid`, [
      {
        field: `transient.${KEY_VERSION_FIELD}`,
        message: `must be a whole number from 1 to ${MAX_KEY_VERSION}`,
      },
    ]);
  }
  return version;
}

/** The pepper from transient data; VALIDATION_FAILED naming the field when absent or malformed. */
export function requirePepper(ctx: Context, why: string): Buffer {
  const bytes = ctx.stub.getTransient().get(PEPPER_FIELD);
  const field = `transient.${PEPPER_FIELD}`;
  if (bytes === undefined || bytes.length === 0) {
    throw new ValidationError(`${why} needs the holder lookup pepper in transient '${PEPPER_FIELD}'`, [
      { field, message: 'is required' },
    ]);
  }
  const text = Buffer.from(bytes).toString('latin1').trim();
  const pepper = BASE64.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (pepper.length < MIN_PEPPER_BYTES || pepper.length > MAX_PEPPER_BYTES) {
    // never echo the value: it is a secret
    throw new ValidationError(`transient '${PEPPER_FIELD}' is invalid`, [
      { field, message: `must be base64 of ${MIN_PEPPER_BYTES} to ${MAX_PEPPER_BYTES} bytes` },
    ]);
  }
  return pepper;
}

/** The index key component for one canonical resident ID. */
export function lookupKey(pepper: Buffer, canonicalIdNumber: string): string {
  return createHmac('sha256', pepper).update(canonicalIdNumber, 'utf8').digest('hex');
}

/**
 * Whether the act moved the unit's ownership: new owners (a new holdersSequence, written by FIRST,
 * TRANSFER, CORRECTION with holders) or the unit was cancelled. Only then is the index touched.
 */
export function ownershipChanged(previous: UnitRecord | undefined, next: UnitRecord): boolean {
  return (
    previous === undefined ||
    previous.holdersSequence !== next.holdersSequence ||
    (previous.status !== 'CANCELLED' && next.status === 'CANCELLED')
  );
}

/**
 * Brings the index in line with the act: entries for the new owners (`owners`, or none once the unit
 * is cancelled), and deletion of the previous owners' entries that no longer apply. The previous
 * owners' IDs come from their private holders record. Register is endorsed only by RegistryMSP peers
 * (the transient data goes nowhere else), which hold that record; if one ever lacked it, the
 * leftover entries are harmless, because FindUnitsByHolder drops entries whose holdersSequence is
 * no longer the unit's.
 */
export async function updateHolderIndex(
  ctx: Context,
  { pepper, version }: HolderLookupKey,
  previous: UnitRecord | undefined,
  next: UnitRecord,
  owners: readonly PrivateHolder[],
): Promise<void> {
  const current = new Set(
    next.status === 'CANCELLED' ? [] : owners.map((o) => lookupKey(pepper, o.idNumber)),
  );
  const former = new Set((await previousOwners(ctx, previous)).map((o) => lookupKey(pepper, o.idNumber)));
  // sorted, so every endorser writes in the same order (the write set is a set, but logs compare)
  for (const key of [...former].filter((k) => !current.has(k)).sort()) {
    await deletePrivateRecord(ctx, Collections.RegistryPrivate, holderUnitKey(ctx, key, next.unitNumber));
  }
  const entry: HolderUnitEntry = {
    unitNumber: next.unitNumber,
    holdersSequence: next.holdersSequence,
    ...(version !== 1 && { keyVersion: version }),
  };
  for (const key of [...current].sort()) {
    await putPrivateRecord(ctx, Collections.RegistryPrivate, holderUnitKey(ctx, key, next.unitNumber), entry);
  }
}

async function previousOwners(
  ctx: Context,
  previous: UnitRecord | undefined,
): Promise<readonly PrivateHolder[]> {
  if (previous === undefined || previous.status === 'CANCELLED') {
    return [];
  }
  const stored = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    holdersKey(ctx, previous.unitNumber, previous.holdersSequence),
    parsePrivateHolders,
  );
  return stored?.holders ?? [];
}
