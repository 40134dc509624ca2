// FindUnitsByHolder: the units a person currently owns, found by resident ID through the private
// owner index (holder-index.ts). EVALUATE ONLY, on a RegistryMSP peer: the index is in
// RegistryPrivate, which other peers do not hold (they would answer "none" instead of the truth).
// The peer cannot be checked here: stub.getMspID() needs CORE_PEER_LOCALMSPID, which the
// chaincode-as-a-service processes do not have; the gateway evaluates on the clerk's own org's peer.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { type AnswerValue } from '../common/answer-shape';
import { type HeldUnitShape, HolderUnitsAnswer } from './answers';
import { Collections } from '../common/collections';
import { RecordTypes, getRecord, listPrivateRecords } from '../common/ledger';
import { lookupKey, parseHolderUnitEntry, requirePepper } from './holder-index';
import { unitKey } from './keys';
import { residentIdArgument } from './lookup-arguments';
import { parseStoredUnit } from './unit-record';

/** What the clerk sees per unit: public facts only; the answer never repeats the ID number. */
type HeldUnit = AnswerValue<typeof HeldUnitShape>;

export async function findUnitsByHolder(
  ctx: Context,
  idNumber: string,
): Promise<AnswerJson<typeof HolderUnitsAnswer>> {
  requireRole(ctx, Roles.RegistryClerk);
  const id = residentIdArgument(idNumber);
  const pepper = requirePepper(ctx, 'FindUnitsByHolder');
  const entries = await listPrivateRecords(
    ctx,
    Collections.RegistryPrivate,
    RecordTypes.RealEstateHolderUnit,
    [lookupKey(pepper, id)],
    parseHolderUnitEntry,
  );
  const units: HeldUnit[] = [];
  for (const { record } of entries) {
    const unit = await getRecord(ctx, unitKey(ctx, record.unitNumber), parseStoredUnit);
    // An entry of an earlier ownership generation (left behind only if a deletion was missed) or of a
    // cancelled unit does not describe a current holding.
    if (
      unit === undefined ||
      unit.status === 'CANCELLED' ||
      unit.holdersSequence !== record.holdersSequence
    ) {
      continue;
    }
    units.push({
      unitNumber: unit.unitNumber,
      status: unit.status,
      titleCertificate: unit.titleCertificate,
      holdersSequence: unit.holdersSequence,
      mortgaged: unit.mortgage !== null,
      seized: unit.seizure !== null,
      updatedAt: unit.updatedAt,
    });
  }
  return answerJson(HolderUnitsAnswer, { units });
}
