import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

export class TransactionIdParams {
  @ApiProperty({ description: 'Fabric transaction id: 64 hexadecimal characters', example: 'a'.repeat(64) })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(/^[0-9a-f]{64}$/, { message: 'txId must be 64 hexadecimal characters' })
  txId!: string;
}

export class TransactionCreatorDto {
  @ApiProperty({ example: 'RegistryMSP' })
  mspId!: string;

  @ApiPropertyOptional({
    example: 'registry-clerk',
    description: "The certificate's common name; only for callers with a token",
  })
  subject?: string;

  @ApiPropertyOptional({
    example: 'registry_clerk',
    description: 'The govtrace.role attribute of the certificate',
  })
  role?: string;
}

export class LedgerTransactionResponse {
  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;

  @ApiProperty({
    example: 'VALID',
    description: "Fabric's validation code; anything but VALID changed nothing",
  })
  validationCode!: string;

  @ApiProperty({
    example: '2026-03-01T08:00:00.123Z',
    description: 'When the client created the transaction',
  })
  timestamp!: string;

  @ApiProperty({ example: 'RegistryMSP' })
  creatorMspId!: string;

  @ApiProperty({ type: [String], example: ['MarketMSP', 'RegistryMSP'] })
  endorsers!: string[];

  @ApiProperty({ type: TransactionCreatorDto })
  creator!: TransactionCreatorDto;
}
