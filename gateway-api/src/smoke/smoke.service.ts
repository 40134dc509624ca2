import { Inject, Injectable } from '@nestjs/common';

import { ContractNames, Transactions } from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { chaincodeAnswer } from '../common/chaincode-answer';
import { LEDGER_CLIENT, type LedgerClient } from '../ledger/ledger-client.port';
import { type PutSmokeValueDto, type SmokeRecordResponse, type SmokeWriteResponse } from './smoke.dto';

const CONTRACT = ContractNames.Smoke;

/** The chaincode's `smoke` contract through the caller's own identity. */
@Injectable()
export class SmokeService {
  constructor(@Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient) {}

  async put(caller: Principal, dto: PutSmokeValueDto): Promise<SmokeWriteResponse> {
    const { txId, blockNumber } = await this.ledger.submit(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.smoke.Put,
      args: [dto.key, dto.value],
    });
    return { key: dto.key, txId, blockNumber: Number(blockNumber) };
  }

  async get(caller: Principal, key: string): Promise<SmokeRecordResponse> {
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.smoke.Get,
      args: [key],
    });
    return chaincodeAnswer(bytes, CONTRACT, Transactions.smoke.Get);
  }
}
