import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// OpenAPI shapes of the public answers (src/verify/verify-answers.ts builds them).

export class VerificationProofResponse {
  @ApiProperty({ description: 'The committed transaction that last wrote the record' })
  txId!: string;

  @ApiProperty({ example: '42', description: 'Block number, as a decimal string' })
  blockNumber!: string;

  @ApiProperty({ example: 'VALID' })
  validationCode!: string;

  @ApiProperty({ example: ['RegistryMSP'], description: 'MSP ids of the endorsing organisations' })
  endorsers!: string[];

  @ApiProperty({ example: 'RegistryMSP' })
  creatorMspId!: string;

  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' })
  timestamp!: string;
}

export class CertificateVerificationResponse {
  @ApiProperty({ description: 'In force: status VALID and its transaction committed VALID' })
  valid!: boolean;

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

  @ApiProperty({ nullable: true, type: String })
  statusChangedAt!: string | null;

  @ApiPropertyOptional({ description: 'Only with ?holderIdNumber=' })
  holderMatch?: boolean;

  @ApiProperty({ type: VerificationProofResponse })
  proof!: VerificationProofResponse;
}

export class LicenseVerificationResponse {
  @ApiProperty()
  valid!: boolean;

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

  @ApiPropertyOptional({ description: 'Why it was cancelled (注销) or revoked (吊销)' })
  reason?: string;

  @ApiProperty({ example: 'MarketMSP' })
  issuer!: string;

  @ApiProperty({ type: VerificationProofResponse, nullable: true })
  proof!: VerificationProofResponse | null;
}

export class BagVerificationResponse {
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
