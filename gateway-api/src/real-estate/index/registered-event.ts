import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { payloadObject } from '../../index-db/projection/payload';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type IndexedHolder } from '../entities';

export const REAL_ESTATE_REGISTERED = 'RealEstateRegistered';

/** The parts of a RealEstateRegistered payload the index keeps (chaincode README "Events"). */
export interface RegisteredEvent {
  readonly registration: {
    readonly registrationId: string;
    readonly unitNumber: string;
    readonly sequence: number;
    readonly type: string;
    readonly registeredAt: string;
    readonly clerk: { readonly mspId: string; readonly id: string };
    readonly certificateNumber: string | null;
    readonly certificateChanges: readonly { readonly certificateNumber: string; readonly status: string }[];
    readonly unitStatus: string;
  };
  readonly certificate: {
    readonly certificateNumber: string;
    readonly kind: string;
    readonly issuedAt: string;
    readonly contentHash: string;
    readonly status: string;
  } | null;
  readonly unit: {
    readonly unitNumber: string;
    readonly status: string;
    readonly sequence: number;
    readonly titleCertificate: string | null;
    readonly holders: readonly IndexedHolder[];
    readonly updatedAt: string;
    readonly lastRegistrationId: string;
  };
}

type Json = Record<string, unknown>;

/** Reads fields and collects every problem, so one log line says all that is wrong with a payload. */
class Reader {
  readonly problems: string[] = [];

  object(value: unknown, path: string): Json {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(`${path} is not an object`);
    return {};
  }

  string(from: Json, key: string, path: string): string {
    const value = from[key];
    if (typeof value === 'string' && value !== '') return value;
    this.problems.push(`${path}.${key} is not a non-empty string`);
    return '';
  }

  nullableString(from: Json, key: string, path: string): string | null {
    return from[key] === null || from[key] === undefined ? null : this.string(from, key, path);
  }

  integer(from: Json, key: string, path: string): number {
    const value = from[key];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    this.problems.push(`${path}.${key} is not an integer`);
    return 0;
  }

  array(from: Json, key: string, path: string): unknown[] {
    const value = from[key];
    if (Array.isArray(value)) return value;
    this.problems.push(`${path}.${key} is not an array`);
    return [];
  }
}

export function parseRegisteredEvent(event: LedgerEvent): RegisteredEvent {
  const payload = payloadObject(event);
  const read = new Reader();
  const registration = read.object(payload.registration, 'registration');
  const clerk = read.object(registration.clerk, 'registration.clerk');
  const unit = read.object(payload.unit, 'unit');
  const parsed: RegisteredEvent = {
    registration: {
      registrationId: read.string(registration, 'registrationId', 'registration'),
      unitNumber: read.string(registration, 'unitNumber', 'registration'),
      sequence: read.integer(registration, 'sequence', 'registration'),
      type: read.string(registration, 'type', 'registration'),
      registeredAt: read.string(registration, 'registeredAt', 'registration'),
      clerk: {
        mspId: read.string(clerk, 'mspId', 'registration.clerk'),
        id: read.string(clerk, 'id', 'registration.clerk'),
      },
      certificateNumber: read.nullableString(registration, 'certificateNumber', 'registration'),
      certificateChanges: read.array(registration, 'certificateChanges', 'registration').map((item, i) => {
        const change = read.object(item, `registration.certificateChanges[${i}]`);
        const path = `registration.certificateChanges[${i}]`;
        return {
          certificateNumber: read.string(change, 'certificateNumber', path),
          status: read.string(change, 'status', path),
        };
      }),
      unitStatus: read.string(registration, 'unitStatus', 'registration'),
    },
    certificate: payload.certificate === null ? null : parseCertificate(read, payload.certificate),
    unit: {
      unitNumber: read.string(unit, 'unitNumber', 'unit'),
      status: read.string(unit, 'status', 'unit'),
      sequence: read.integer(unit, 'sequence', 'unit'),
      titleCertificate: read.nullableString(unit, 'titleCertificate', 'unit'),
      holders: read.array(unit, 'holders', 'unit').map((item, i) => {
        const holder = read.object(item, `unit.holders[${i}]`);
        return {
          maskedName: read.string(holder, 'maskedName', `unit.holders[${i}]`),
          idHash: read.string(holder, 'idHash', `unit.holders[${i}]`),
          share: read.nullableString(holder, 'share', `unit.holders[${i}]`),
        };
      }),
      updatedAt: read.string(unit, 'updatedAt', 'unit'),
      lastRegistrationId: read.string(unit, 'lastRegistrationId', 'unit'),
    },
  };
  if (read.problems.length > 0) throw new MalformedEventError(event, read.problems);
  return parsed;
}

function parseCertificate(read: Reader, raw: unknown): NonNullable<RegisteredEvent['certificate']> {
  const record = read.object(raw, 'certificate');
  const content = read.object(record.content, 'certificate.content');
  return {
    certificateNumber: read.string(content, 'certificateNumber', 'certificate.content'),
    kind: read.string(content, 'kind', 'certificate.content'),
    issuedAt: read.string(content, 'issuedAt', 'certificate.content'),
    contentHash: read.string(record, 'contentHash', 'certificate'),
    status: read.string(record, 'status', 'certificate'),
  };
}
