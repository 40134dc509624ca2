import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

// The chaincode's limits (business-contract.ts), repeated: importing that file would load
// fabric-contract-api into the gateway. The chaincode checks them again.
const REFERENCE_MAX_CHARS = 100;
const REASON_MAX_CHARS = 500;

export class CompleteStepDto {
  @ApiProperty({
    example: 'SEAL-2026-000123',
    description: "The responsible department's completion reference",
  })
  @MaxLength(REFERENCE_MAX_CHARS)
  @IsNotEmpty()
  @IsString()
  reference!: string;
}

export const LICENSE_FINAL_STATUSES = ['CANCELLED', 'REVOKED'] as const;

export class ChangeLicenseStatusDto {
  @ApiProperty({ enum: LICENSE_FINAL_STATUSES, description: 'CANCELLED 注销 / REVOKED 吊销' })
  @IsIn(LICENSE_FINAL_STATUSES)
  status!: (typeof LICENSE_FINAL_STATUSES)[number];

  @ApiProperty({ example: '股东会决议解散' })
  @MaxLength(REASON_MAX_CHARS)
  @IsNotEmpty()
  @IsString()
  reason!: string;
}
