import { payloadObject } from '../../index-db/projection/payload';
import { type JsonObject, PayloadReader } from '../../index-db/projection/payload-reader';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type IndexedHolder } from '../entities';
import { EventNames } from '../../../../chaincode/src/contract';

export const REAL_ESTATE_REGISTERED = EventNames.RealEstateRegistered;

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

export function parseRegisteredEvent(event: LedgerEvent): RegisteredEvent {
  const payload = payloadObject(event);
  const read = new PayloadReader();
  const registration = read.object(payload, 'registration');
  const clerk = read.object(registration, 'clerk', 'registration.');
  const unit = read.object(payload, 'unit');
  return read.done(event, {
    registration: {
      registrationId: read.string(registration, 'registrationId', 'registration.'),
      unitNumber: read.string(registration, 'unitNumber', 'registration.'),
      sequence: read.integer(registration, 'sequence', 'registration.'),
      type: read.string(registration, 'type', 'registration.'),
      registeredAt: read.string(registration, 'registeredAt', 'registration.'),
      clerk: {
        mspId: read.string(clerk, 'mspId', 'registration.clerk.'),
        id: read.string(clerk, 'id', 'registration.clerk.'),
      },
      certificateNumber: read.nullableString(registration, 'certificateNumber', 'registration.'),
      certificateChanges: read
        .objects(registration, 'certificateChanges', 'registration.')
        .map((change, i) => {
          const where = `registration.certificateChanges.${i}.`;
          return {
            certificateNumber: read.string(change, 'certificateNumber', where),
            status: read.string(change, 'status', where),
          };
        }),
      unitStatus: read.string(registration, 'unitStatus', 'registration.'),
    },
    certificate: payload['certificate'] === null ? null : parseCertificate(read, payload),
    unit: {
      unitNumber: read.string(unit, 'unitNumber', 'unit.'),
      status: read.string(unit, 'status', 'unit.'),
      sequence: read.integer(unit, 'sequence', 'unit.'),
      titleCertificate: read.nullableString(unit, 'titleCertificate', 'unit.'),
      holders: read.objects(unit, 'holders', 'unit.').map((holder, i) => {
        const where = `unit.holders.${i}.`;
        return {
          maskedName: read.string(holder, 'maskedName', where),
          idHash: read.string(holder, 'idHash', where),
          share: read.nullableString(holder, 'share', where),
        };
      }),
      updatedAt: read.string(unit, 'updatedAt', 'unit.'),
      lastRegistrationId: read.string(unit, 'lastRegistrationId', 'unit.'),
    },
  });
}

function parseCertificate(
  read: PayloadReader,
  payload: JsonObject,
): NonNullable<RegisteredEvent['certificate']> {
  const record = read.object(payload, 'certificate');
  const content = read.object(record, 'content', 'certificate.');
  return {
    certificateNumber: read.string(content, 'certificateNumber', 'certificate.content.'),
    kind: read.string(content, 'kind', 'certificate.content.'),
    issuedAt: read.string(content, 'issuedAt', 'certificate.content.'),
    contentHash: read.string(record, 'contentHash', 'certificate.'),
    status: read.string(record, 'status', 'certificate.'),
  };
}
