import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { InvalidReasonCodes } from '../authority-check';

// OpenAPI shapes of the public answers (src/verify/verify-answers.ts builds them).

export class VerificationProofResponse {
  @ApiProperty({
    description:
      "The committed transaction that last wrote the record: the one the peer's history of the record's key names",
  })
  txId!: string;

  @ApiProperty({ example: '42', description: 'Block number, as a decimal string' })
  blockNumber!: string;

  @ApiProperty({ example: 'VALID' })
  validationCode!: string;

  @ApiProperty({ example: ['RegistryMSP'], description: 'MSP ids of the endorsing organisations' })
  endorsers!: string[];

  @ApiProperty({ example: 'RegistryMSP', description: 'MSP id of the identity that submitted it' })
  creatorMspId!: string;

  @ApiProperty({
    example: 'registry_clerk',
    nullable: true,
    type: String,
    description: "The submitter certificate's govtrace.role; null without one. No name is given",
  })
  creatorRole!: string | null;

  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' })
  timestamp!: string;
}

export class InvalidReasonResponse {
  @ApiProperty({
    enum: Object.values(InvalidReasonCodes),
    description:
      'The first rule the record fails, in this order: its last write committed VALID, wrote this record, ' +
      "was endorsed by the responsible department's peer, was submitted by that department's role for it; " +
      'then the record is in force',
  })
  code!: string;

  @ApiProperty({
    example:
      'The last write of a business licence was endorsed by RegistryMSP, not by MarketMSP, the department responsible for it.',
  })
  message!: string;
}

const VALID_MEANS =
  "The record's last write (named by the peer's history of its key) committed VALID, wrote this record, " +
  "was endorsed by the responsible department's peer and submitted by that department's role for it";

export class HolderMatchReasonResponse {
  @ApiProperty({ enum: ['NO_VERIFICATION_CODE'] })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class PropertyParticularsResponse {
  @ApiProperty({ example: '广州市越秀区某路1号801房' })
  location!: string;

  @ApiProperty({ example: '89.50', description: 'm², a decimal string with two decimals' })
  areaM2!: string;

  @ApiProperty({ example: '住宅' })
  usage!: string;
}

export class MortgageTermResponse {
  @ApiProperty({ example: '2026-01-01' })
  from!: string;

  @ApiProperty({ example: '2046-01-01' })
  to!: string;
}

export class CertificateVerificationResponse {
  @ApiProperty({ description: `${VALID_MEANS} (RegistryMSP, registry_clerk), and status is VALID` })
  valid!: boolean;

  @ApiPropertyOptional({ type: InvalidReasonResponse, description: 'Only when valid is false: why' })
  invalidReason?: InvalidReasonResponse;

  @ApiProperty({ enum: ['VALID', 'SUPERSEDED', 'CANCELLED'] })
  status!: string;

  @ApiProperty({ example: '粤(2026)广州市不动产权第09400110号' })
  certificateNumber!: string;

  @ApiProperty({ enum: ['TITLE', 'REGISTRATION'] })
  kind!: string;

  @ApiProperty()
  unitNumber!: string;

  @ApiProperty({ example: 'FIRST' })
  registrationType!: string;

  @ApiProperty({ example: ['张*'], description: 'Masked names of the holders printed on it' })
  holders!: string[];

  @ApiProperty()
  issuedAt!: string;

  @ApiProperty({ example: 'RegistryMSP' })
  issuer!: string;

  @ApiProperty({ description: 'hex SHA-256 of the canonical JSON of the certificate content' })
  contentHash!: string;

  @ApiPropertyOptional({
    type: PropertyParticularsResponse,
    description:
      "The property's location, area and usage printed on a FIRST or CHANGE title; covered by contentHash. " +
      'Absent on certificates issued without them (before structured particulars)',
  })
  property?: PropertyParticularsResponse;

  @ApiPropertyOptional({
    type: MortgageTermResponse,
    description: 'The mortgage term printed on a MORTGAGE registration certificate; covered by contentHash',
  })
  mortgageTerm?: MortgageTermResponse;

  @ApiProperty({ nullable: true, type: String })
  statusChangedAt!: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description:
      'Only with ?holderIdNumber=&verificationCode=: true when that ID number is a holder printed on the ' +
      'certificate AND the code is the one printed on it; null when the certificate was issued before ' +
      'verification codes (no holder check possible, see holderMatchReason)',
  })
  holderMatch?: boolean | null;

  @ApiPropertyOptional({
    type: HolderMatchReasonResponse,
    description: 'Only when holderMatch is null: why the holder check is not available',
  })
  holderMatchReason?: HolderMatchReasonResponse;

  @ApiProperty({ type: VerificationProofResponse })
  proof!: VerificationProofResponse;
}

export class LicenseVerificationResponse {
  @ApiProperty({ description: `${VALID_MEANS} (MarketMSP, market_clerk), and status is ACTIVE` })
  valid!: boolean;

  @ApiPropertyOptional({ type: InvalidReasonResponse, description: 'Only when valid is false: why' })
  invalidReason?: InvalidReasonResponse;

  @ApiProperty({ enum: ['ACTIVE', 'CANCELLED', 'REVOKED'] })
  status!: string;

  @ApiProperty()
  uscc!: string;

  @ApiProperty({ example: '广州市某某科技有限公司' })
  name!: string;

  @ApiProperty({ example: '李*' })
  legalRepresentative!: string;

  @ApiProperty()
  establishedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  statusChangedAt!: string | null;

  @ApiPropertyOptional({
    description: 'Why it was cancelled (注销) or revoked (吊销), from the licence; not why it is not valid',
  })
  reason?: string;

  @ApiProperty({ example: 'MarketMSP' })
  issuer!: string;

  @ApiProperty({ type: VerificationProofResponse })
  proof!: VerificationProofResponse;
}

export class BagVerificationResponse {
  @ApiProperty({
    description: `Of the latest event: ${VALID_MEANS} (UrbanMSP; urban_inspector for the issue, station_operator for COLLECTED, hauler for LOADED, facility_operator for DELIVERED)`,
  })
  valid!: boolean;

  @ApiPropertyOptional({ type: InvalidReasonResponse, description: 'Only when valid is false: why' })
  invalidReason?: InvalidReasonResponse;

  @ApiProperty()
  barcode!: string;

  @ApiProperty({ example: '01' })
  category!: string;

  @ApiProperty({ nullable: true, type: String })
  categoryName!: string | null;

  @ApiProperty({ example: '440103' })
  districtCode!: string;

  @ApiProperty({ example: 'DELIVERED' })
  status!: string;

  @ApiProperty({ nullable: true, type: String, example: 'RECYCLED' })
  finalOutcome!: string | null;

  @ApiProperty({
    description: 'Ordered events: step, time, site, weight, quality, outcome; no household data',
  })
  events!: object[];

  @ApiProperty()
  anomalies!: object[];

  @ApiProperty({ type: VerificationProofResponse, description: 'Proof of the latest event' })
  proof!: VerificationProofResponse;
}
