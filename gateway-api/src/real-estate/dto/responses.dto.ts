import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RegistrationResponse {
  @ApiProperty({ example: '440184001016GB00009F00800039-00000001' })
  registrationId!: string;

  @ApiProperty({ example: '440184001016GB00009F00800039' })
  unitNumber!: string;

  @ApiPropertyOptional({ example: '粤(2026)广州市不动产权第09400110号', description: 'Canonical form' })
  certificateNumber?: string;

  @ApiPropertyOptional({ description: "hex SHA-256 of the issued certificate's canonical content" })
  certificateContentHash?: string;

  @ApiPropertyOptional({
    example: 'K7M2-Q9XR',
    description:
      'When a certificate is issued: the verification code to print on it, shown this once. The holder ' +
      'gives it with the ID number to the public holder check. Only its salted hash is kept (on the ' +
      "registry's private collection); a replay of this answer (Idempotency-Key) does not repeat it",
  })
  verificationCode?: string;

  @ApiProperty({ example: 'REGISTERED' })
  unitStatus!: string;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}

export class DeedTaxClearanceResponse {
  @ApiProperty({ example: 'QS-2026-000123' })
  clearanceNumber!: string;

  @ApiProperty({ example: '440184001016GB00009F00800039' })
  unitNumber!: string;

  @ApiProperty({ example: 1, description: 'The ownership generation the clearance is bound to' })
  titleVersion!: number;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}

export class ActResponse {
  @ApiProperty() registrationId!: string;
  @ApiProperty() unitNumber!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty() type!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) certificateNumber!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'TRANSFER: the deed-tax clearance it used',
  })
  deedTaxClearanceNumber!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'registry-clerk',
    description: "The clerk's CN",
  })
  clerkName!: string | null;
  @ApiProperty() unitStatus!: string;
  @ApiProperty() txId!: string;
  @ApiProperty() blockNumber!: number;
  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: 'RegistryMSP' }) clerkMspId!: string;
  @ApiProperty({ description: 'x509::<subject>::<issuer> of the acting clerk' }) clerkId!: string;
}

export class ActsPageResponse {
  @ApiProperty({ type: [ActResponse] }) items!: ActResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
