import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

/**
 * The gateway checks only the types: the key format is the chaincode's rule, and the smoke routes
 * exist to show that a malformed value reaches the chaincode and comes back as its own error.
 */
export class PutSmokeValueDto {
  @ApiProperty({
    example: 'smoke-1',
    description: '1 to 64 characters from A-Z a-z 0-9 _ . - (checked by chaincode)',
  })
  @IsString()
  key!: string;

  @ApiProperty({ example: '你好, ledger', description: 'up to 4096 characters (checked by chaincode)' })
  @IsString()
  value!: string;
}

export class SmokeWriteResponse {
  @ApiProperty({ example: 'smoke-1' })
  key!: string;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}

export class SmokeRecordResponse {
  @ApiProperty({ example: 'smoke-1' })
  key!: string;

  @ApiProperty({ example: '你好, ledger' })
  value!: string;

  @ApiProperty({ example: '2026-03-01T08:00:00.123Z', description: 'Transaction time of the last write' })
  updatedAt!: string;

  @ApiProperty({ example: 'RegistryMSP', description: 'MSP of the last writer' })
  updatedBy!: string;
}
