import { Inject, Injectable, Logger } from '@nestjs/common';

import { type Principal } from '../auth/principal';
import { ApiError, INTERNAL_MESSAGE } from '../common/errors';
import { LEDGER_CLIENT, type LedgerClient } from '../ledger/ledger-client.port';
import { type PutSmokeValueDto, type SmokeRecordResponse, type SmokeWriteResponse } from './smoke.dto';

const CONTRACT = 'smoke';

/** The chaincode's `smoke` contract through the caller's own identity. */
@Injectable()
export class SmokeService {
  private readonly logger = new Logger(SmokeService.name);

  constructor(@Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient) {}

  async put(caller: Principal, dto: PutSmokeValueDto): Promise<SmokeWriteResponse> {
    const { txId, blockNumber } = await this.ledger.submit(caller.user, {
      contract: CONTRACT,
      transaction: 'Put',
      args: [dto.key, dto.value],
    });
    return { key: dto.key, txId, blockNumber: Number(blockNumber) };
  }

  async get(caller: Principal, key: string): Promise<SmokeRecordResponse> {
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: CONTRACT,
      transaction: 'Get',
      args: [key],
    });
    return this.parseRecord(bytes);
  }

  /** The chaincode answers canonical JSON; anything else means the two disagree (a bug). */
  private parseRecord(bytes: Uint8Array): SmokeRecordResponse {
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      raw = undefined;
    }
    const record = raw as Partial<Record<keyof SmokeRecordResponse, unknown>> | undefined;
    const { key, value, updatedAt, updatedBy } = record ?? {};
    if (
      typeof key !== 'string' ||
      typeof value !== 'string' ||
      typeof updatedAt !== 'string' ||
      typeof updatedBy !== 'string'
    ) {
      this.logger.error(`smoke Get answered an unexpected record: ${Buffer.from(bytes).toString('utf8')}`);
      throw new ApiError('INTERNAL', 500, INTERNAL_MESSAGE);
    }
    return { key, value, updatedAt, updatedBy };
  }
}
