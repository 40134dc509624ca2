import { Inject, Injectable } from '@nestjs/common';

import { type Principal } from '../auth/principal';
import { chaincodeAnswer } from '../common/chaincode-answer';
import { LEDGER_CLIENT, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { type BinChangeResponse, type BinResponse, type RegisterBinDto } from './dto/bin.dto';
import { type CorrectionChangeResponse, type CorrectLoadWeightDto, type LoadResponse } from './dto/load.dto';
import { type RecordRouteDto, type RouteChangeResponse, type RouteResponse } from './dto/route.dto';
import { type RegisterVehicleDto, type VehicleChangeResponse, type VehicleResponse } from './dto/vehicle.dto';
import { WASTE_CONTRACT, WASTE_ENDORSING_ORGS, WasteTransactions as Tx } from './waste-domain';

/**
 * Registered vehicles and bins, routes and loads on the ledger, through the caller's own identity.
 * Bodies reach the chaincode as an explicit field list (nothing undeclared); the chaincode checks every
 * role and rule again and its answers are passed on as declared (chaincode/src/waste/answers.ts).
 */
@Injectable()
export class WasteFleetService {
  constructor(@Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient) {}

  async registerVehicle(caller: Principal, dto: RegisterVehicleDto): Promise<VehicleChangeResponse> {
    const { vehicleId, companyUscc, rfidTag, capacityKg } = dto;
    const written = await this.submit(caller, Tx.RegisterVehicle, [
      JSON.stringify({ vehicleId, companyUscc, rfidTag, capacityKg }),
    ]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.RegisterVehicle), ...stamp(written) };
  }

  async retireVehicle(caller: Principal, vehicleId: string): Promise<VehicleChangeResponse> {
    const written = await this.submit(caller, Tx.RetireVehicle, [vehicleId]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.RetireVehicle), ...stamp(written) };
  }

  async vehicle(caller: Principal, vehicleId: string): Promise<VehicleResponse> {
    return chaincodeAnswer(
      await this.evaluate(caller, Tx.GetVehicle, [vehicleId]),
      WASTE_CONTRACT,
      Tx.GetVehicle,
    );
  }

  async registerBin(caller: Principal, dto: RegisterBinDto): Promise<BinChangeResponse> {
    const { binId, siteId, rfidTag, category } = dto;
    const written = await this.submit(caller, Tx.RegisterBin, [
      JSON.stringify({ binId, siteId, rfidTag, category }),
    ]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.RegisterBin), ...stamp(written) };
  }

  async retireBin(caller: Principal, binId: string): Promise<BinChangeResponse> {
    const written = await this.submit(caller, Tx.RetireBin, [binId]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.RetireBin), ...stamp(written) };
  }

  async bin(caller: Principal, binId: string): Promise<BinResponse> {
    return chaincodeAnswer(await this.evaluate(caller, Tx.GetBin, [binId]), WASTE_CONTRACT, Tx.GetBin);
  }

  async recordRoute(caller: Principal, dto: RecordRouteDto): Promise<RouteChangeResponse> {
    const { vehicleId, day, siteIds } = dto;
    const written = await this.submit(caller, Tx.RecordRoute, [JSON.stringify({ vehicleId, day, siteIds })]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.RecordRoute), ...stamp(written) };
  }

  async route(caller: Principal, vehicleId: string, day: string): Promise<RouteResponse> {
    const bytes = await this.evaluate(caller, Tx.GetRoute, [vehicleId, day]);
    return chaincodeAnswer(bytes, WASTE_CONTRACT, Tx.GetRoute);
  }

  async load(caller: Principal, loadId: string): Promise<LoadResponse> {
    const bytes = await this.evaluate(caller, Tx.GetLoad, [loadId]);
    // the anomalies are objects as the chaincode wrote them, passed on unchanged
    return chaincodeAnswer(bytes, WASTE_CONTRACT, Tx.GetLoad);
  }

  async correctLoadWeight(
    caller: Principal,
    loadId: string,
    dto: CorrectLoadWeightDto,
  ): Promise<CorrectionChangeResponse> {
    const { correctedWeightGrams, reason } = dto;
    const written = await this.submit(caller, Tx.CorrectLoadWeight, [
      JSON.stringify({ loadId, correctedWeightGrams, reason }),
    ]);
    return { ...chaincodeAnswer(written.result, WASTE_CONTRACT, Tx.CorrectLoadWeight), ...stamp(written) };
  }

  private submit(caller: Principal, transaction: string, args: string[]): Promise<SubmitResult> {
    return this.ledger.submit(caller.user, {
      contract: WASTE_CONTRACT,
      transaction,
      args,
      endorsingOrgs: WASTE_ENDORSING_ORGS,
    });
  }

  private evaluate(caller: Principal, transaction: string, args: string[]): Promise<Uint8Array> {
    return this.ledger.evaluate(caller.user, { contract: WASTE_CONTRACT, transaction, args });
  }
}

function stamp({ txId, blockNumber }: SubmitResult): { txId: string; blockNumber: number } {
  return { txId, blockNumber: Number(blockNumber) };
}
