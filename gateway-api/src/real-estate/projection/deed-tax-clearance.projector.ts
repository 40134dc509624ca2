import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import {
  type EventPayload,
  EventNames,
  RecordTypes,
  TAX_PAID_FEN_PATTERN,
} from '../../../../chaincode/src/contract';
import { eventPayload, wholeNumber } from '../../index-db/projection/event-payload';
import { type Projection, type Projector } from '../../index-db/projection/projector';
import { ledgerKey } from '../../index-db/trust/ledger-key';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { TaxClearance } from '../entities';
import { clearanceNumberProblem } from './registered-event';
import { subjectCommonName } from './submitter-name';

export const DEED_TAX_CLEARANCE_RECORDED = EventNames.DeedTaxClearanceRecorded;

/** A DeedTaxClearanceRecorded payload (chaincode/src/realestate/event-payloads.ts), decoded. */
export type ClearanceRecordedEvent = EventPayload<typeof DEED_TAX_CLEARANCE_RECORDED>;

export function parseClearanceRecordedEvent(event: LedgerEvent): ClearanceRecordedEvent {
  return eventPayload(event, DEED_TAX_CLEARANCE_RECORDED, {
    clearanceNumber: clearanceNumberProblem('clearanceNumber'),
    titleVersion: wholeNumber('titleVersion'),
    // a bigint column: the contract's own bound keeps it exact
    taxPaidFen: (fen) =>
      fen === null || TAX_PAID_FEN_PATTERN.test(fen) ? undefined : 'taxPaidFen must be whole fen',
  });
}

/**
 * DeedTaxClearanceRecorded → one tax_clearances row. Its one key, the public clearance record
 * (`realestate.clearance / unit / number` in the tax namespace), is what the trust check finds written.
 */
@Injectable()
export class DeedTaxClearanceRecordedProjector implements Projector {
  readonly eventName = DEED_TAX_CLEARANCE_RECORDED;

  prepare(event: LedgerEvent): Projection {
    const recorded = parseClearanceRecordedEvent(event);
    return {
      claim: { keys: [clearanceLedgerKey(recorded)] },
      write: (manager) => write(manager, event, recorded),
    };
  }
}

/** The key RecordDeedTaxClearance writes the clearance under (chaincode/src/tax/keys.ts clearanceKey). */
export function clearanceLedgerKey({ unitNumber, clearanceNumber }: ClearanceRecordedEvent): string {
  return ledgerKey(RecordTypes.DeedTaxClearance, unitNumber, clearanceNumber);
}

async function write(manager: EntityManager, event: LedgerEvent, recorded: ClearanceRecordedEvent) {
  const clearances = manager.getRepository(TaxClearance);
  // a redelivered transaction changes nothing
  if (await clearances.existsBy({ txId: event.transactionId })) return;
  await clearances.insert({
    unitNumber: recorded.unitNumber,
    clearanceNumber: recorded.clearanceNumber,
    titleVersion: recorded.titleVersion,
    transfereeCount: recorded.transfereeIdHashes.length,
    taxPaidFen:
      recorded.taxPaidFen === undefined || recorded.taxPaidFen === null ? null : BigInt(recorded.taxPaidFen),
    recordedAt: recorded.recordedAt,
    officerMspId: recorded.officer.mspId,
    officerId: recorded.officer.id,
    officerName: subjectCommonName(recorded.officer.id),
    txId: event.transactionId,
    blockNumber: event.blockNumber,
  });
}
