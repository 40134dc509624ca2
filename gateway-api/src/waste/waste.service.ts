import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { type Principal } from '../auth/principal';
import { chaincodeAnswer } from '../common/chaincode-answer';
import { ValidationFailedError } from '../common/errors';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../ledger/ledger-client.port';
import { type CommissionBagsDto, type CommissionBagsResponse } from './dto/bag-batch.dto';
import { type CollectionResponse, type DeliveryResponse } from './dto/batch-result.dto';
import { type RecordCollectionDto, type RecordDeliveryDto } from './dto/collection.dto';
import { type RecordScansDto, type RecordScansResponse } from './dto/scans.dto';
import { type RegisterSiteDto, type WasteSiteResponse } from './dto/site.dto';
import {
  type SetWasteConfigDto,
  type WasteConfigChangeResponse,
  type WasteConfigResponse,
} from './dto/config.dto';
import { type BagTraceResponse } from './dto/trace.dto';
import { parseBagBarcode } from '../../../chaincode/src/contract';
import { WASTE_CONTRACT, WASTE_ENDORSING_ORGS, WasteTransactions as Tx } from './waste-domain';

/** Transient field names of CommissionBags (chaincode/src/waste/commission.ts, HouseholdTransient). */
const HOUSEHOLD_REF = 'householdRef';
const HOUSEHOLD_SALT = 'householdSalt';

/**
 * The waste contract through the caller's own Fabric identity. The gateway adds nothing the chaincode
 * does not check again; it shapes the arguments, keeps personal data in transient fields and maps the
 * per-item answers to the API's shape.
 */
@Injectable()
export class WasteService {
  constructor(@Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient) {}

  async registerSite(caller: Principal, dto: RegisterSiteDto): Promise<WasteSiteResponse> {
    const { siteId, kind, districtCode, name } = dto;
    const { txId, blockNumber, result } = await this.submit(caller, Tx.RegisterSite, {
      siteId,
      kind,
      districtCode,
      name,
    });
    return {
      ...chaincodeAnswer(result, WASTE_CONTRACT, Tx.RegisterSite),
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  /**
   * The household reference goes only in transient data, with a fresh random salt per batch: the
   * public bags carry SHA-256(salt + reference), so equal references in two batches do not link.
   */
  async commissionBags(caller: Principal, dto: CommissionBagsDto): Promise<CommissionBagsResponse> {
    const { districtCode, category, firstSerial, count, householdRef } = dto;
    const { txId, blockNumber, result } = await this.submit(
      caller,
      Tx.CommissionBags,
      { districtCode, category, firstSerial, count },
      { [HOUSEHOLD_REF]: householdRef, [HOUSEHOLD_SALT]: randomBytes(16).toString('hex') },
    );
    const { batchId, barcodes } = chaincodeAnswer(result, WASTE_CONTRACT, Tx.CommissionBags);
    return {
      batchId,
      barcodes,
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  /** One transaction for the whole batch (up to 1000 scans): each scan is answered on its own. */
  async recordScans(caller: Principal, dto: RecordScansDto): Promise<RecordScansResponse> {
    // explicit field list: nothing but the declared fields reaches the ledger
    const scans = dto.scans.map(
      ({ barcode, stationId, scannedAt, weightGrams, quality, category, binId }) => ({
        barcode,
        stationId,
        scannedAt,
        weightGrams,
        quality,
        ...(category !== undefined && { category }),
        ...(binId !== undefined && { binId }),
      }),
    );
    const { txId, blockNumber, result } = await this.submit(caller, Tx.RecordScans, { scans });
    return {
      ...chaincodeAnswer(result, WASTE_CONTRACT, Tx.RecordScans),
      txIds: [txId],
      blockNumber: Number(blockNumber),
    };
  }

  async recordCollection(caller: Principal, dto: RecordCollectionDto): Promise<CollectionResponse> {
    const { vehicleId, stationId, barcodes, loadWeightGrams, collectedAt } = dto;
    const { txId, blockNumber, result } = await this.submit(caller, Tx.RecordCollection, {
      vehicleId,
      stationId,
      barcodes,
      loadWeightGrams,
      collectedAt,
    });
    return {
      ...chaincodeAnswer(result, WASTE_CONTRACT, Tx.RecordCollection),
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  async recordDelivery(caller: Principal, dto: RecordDeliveryDto): Promise<DeliveryResponse> {
    const {
      facilityId,
      vehicleId,
      barcodes,
      receivedWeightGrams,
      outcome,
      recoveredWeightGrams,
      receivedAt,
    } = dto;
    const { txId, blockNumber, result } = await this.submit(caller, Tx.RecordDelivery, {
      facilityId,
      vehicleId,
      barcodes,
      receivedWeightGrams,
      // absent at a transfer station: the chaincode refuses an outcome there
      ...(outcome !== undefined && { outcome }),
      ...(recoveredWeightGrams !== undefined && { recoveredWeightGrams }),
      receivedAt,
    });
    return {
      ...chaincodeAnswer(result, WASTE_CONTRACT, Tx.RecordDelivery),
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  /** The bag's trace from the ledger (GetBag): 400 for a malformed barcode before asking, 404 if unknown. */
  async trace(caller: Principal, barcode: string): Promise<BagTraceResponse> {
    const parsed = parseBagBarcode(barcode);
    if (!parsed.valid) {
      throw new ValidationFailedError(`Invalid request: barcode ${parsed.reason}`, {
        details: [{ field: 'barcode', message: parsed.reason }],
      });
    }
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: WASTE_CONTRACT,
      transaction: Tx.GetBag,
      args: [parsed.value.canonical],
    });
    // the trace is passed on as the chaincode wrote it
    return chaincodeAnswer(bytes, WASTE_CONTRACT, Tx.GetBag) as unknown as BagTraceResponse;
  }

  /** The load-weight tolerance in force (GetConfig): the defaults until an inspector sets one. */
  async config(caller: Principal): Promise<WasteConfigResponse> {
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: WASTE_CONTRACT,
      transaction: Tx.GetConfig,
      args: [],
    });
    return chaincodeAnswer(bytes, WASTE_CONTRACT, Tx.GetConfig);
  }

  /** Sets the load-weight tolerance (SetConfig); later collections are checked against it. */
  async setConfig(caller: Principal, dto: SetWasteConfigDto): Promise<WasteConfigChangeResponse> {
    const { toleranceRatio, arrivalDeadlineMinutes } = dto;
    const { txId, blockNumber, result } = await this.submit(caller, Tx.SetConfig, {
      toleranceRatio,
      // left out, the chaincode keeps the deadline in force
      ...(arrivalDeadlineMinutes !== undefined && { arrivalDeadlineMinutes }),
    });
    return {
      ...chaincodeAnswer(result, WASTE_CONTRACT, Tx.SetConfig),
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  private submit(
    caller: Principal,
    transaction: string,
    argument: object,
    transient?: LedgerCall['transient'],
  ): Promise<SubmitResult> {
    return this.ledger.submit(caller.user, {
      contract: WASTE_CONTRACT,
      transaction,
      args: [JSON.stringify(argument)],
      ...(transient !== undefined && { transient }),
      endorsingOrgs: WASTE_ENDORSING_ORGS,
    });
  }
}
