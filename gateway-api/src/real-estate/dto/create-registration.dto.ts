import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

import { type RegistrationType, RegistrationTypes } from '../../../../chaincode/src/contract';
import { IsCertificateNumber, IsUnitNumber } from '../../common/identifiers/is-identifier';
import { CorrectionBasisDto } from './correction-basis.dto';
import { HolderDto } from './holder.dto';
import { MortgageDto } from './mortgage.dto';
import { PropertyDto } from './property.dto';

/** The contract's reference pattern (court orders, consent documents). */
const REFERENCE = /^[\p{L}\p{N}()（）〔〕[\]_./-]{1,64}$/u;
/** The contract's deed-tax clearance number pattern. */
export const CLEARANCE_NUMBER = /^[A-Za-z0-9-]{4,40}$/;

/**
 * POST /api/v1/real-estate/registrations: API.md's fields, plus the contract's own optional fields
 * API.md does not list (description, court, deedTaxClearanceNumber, mortgageeConsentReference,
 * closesObjection, correctionBasis). Which fields each type needs is the chaincode's rule; it answers
 * 400 naming them. Which acts may change the holders (TRANSFER; CORRECTION with correctionBasis; never
 * CHANGE) and what a seized unit admits are rules too: the chaincode answers 422 RULE_VIOLATION, and
 * the gateway does not pre-empt it, so there is one judge of those rules.
 */
export class CreateRegistrationDto {
  @ApiProperty({ enum: RegistrationTypes })
  @IsIn(RegistrationTypes)
  type!: RegistrationType;

  @ApiProperty({ example: '440184001016GB00009F00800039' })
  @IsUnitNumber()
  unitNumber!: string;

  @ApiPropertyOptional({
    example: '粤(2026)广州市不动产权第09400110号',
    description: 'When the act issues a certificate; （） or ()',
  })
  @IsOptional()
  @IsCertificateNumber()
  certificateNumber?: string;

  @ApiPropertyOptional({
    type: [HolderDto],
    description:
      'Sent as transient data only. FIRST, TRANSFER (owners), OBJECTION, ADVANCE_NOTICE; CORRECTION when ' +
      'the register named the wrong holders (needs correctionBasis). Never on CHANGE: 422 RULE_VIOLATION',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HolderDto)
  holders?: HolderDto[];

  @ApiPropertyOptional({
    type: PropertyDto,
    description: 'FIRST, CHANGE: location, area and usage; public, on the unit and the certificate',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PropertyDto)
  property?: PropertyDto;

  @ApiPropertyOptional({ type: MortgageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageDto)
  mortgage?: MortgageDto;

  @ApiPropertyOptional({
    example: '(2026)粤0104执123号',
    description:
      'SEIZURE, SEIZURE_RELEASE; private: kept in the registry collection, only its hash is on the ledger',
  })
  @IsOptional()
  @Matches(REFERENCE, { message: 'courtOrder must be 1 to 64 letters, digits, brackets or _ . / -' })
  courtOrder?: string;

  @ApiPropertyOptional({ example: '广州市越秀区人民法院', description: 'SEIZURE (required there)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  court?: string;

  @ApiPropertyOptional({
    description:
      'Free text, required for CHANGE, CORRECTION, OBJECTION; private: kept in the registry collection, only its hash is on the ledger',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional({
    description: 'Remarks (附记), any act; private like description: only its hash is on the ledger',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  remarks?: string;

  @ApiPropertyOptional({ example: 'QS-2026-000123', description: 'TRANSFER: the deed-tax clearance number' })
  @IsOptional()
  @Matches(CLEARANCE_NUMBER, {
    message: 'deedTaxClearanceNumber must be 4 to 40 characters from A-Z a-z 0-9 -',
  })
  deedTaxClearanceNumber?: string;

  @ApiPropertyOptional({ description: 'TRANSFER of a mortgaged unit: the mortgagee consent document' })
  @IsOptional()
  @Matches(REFERENCE, {
    message: 'mortgageeConsentReference must be 1 to 64 letters, digits, brackets or _ . / -',
  })
  mortgageeConsentReference?: string;

  @ApiPropertyOptional({ description: 'CORRECTION: ends the active objection' })
  @IsOptional()
  @IsBoolean()
  closesObjection?: boolean;

  @ApiPropertyOptional({
    type: CorrectionBasisDto,
    description:
      'CORRECTION only (400 on any other act); required when it changes the holders (422 RULE_VIOLATION ' +
      'without it). Public: recorded in the registration, its history and the certificate issued',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectionBasisDto)
  correctionBasis?: CorrectionBasisDto;
}
