import { ApiProperty } from '@nestjs/swagger';

// The items of the certificate and deed-tax clearance lists of the index (JSON; CSV has the same
// fields as columns, real-estate-csv.ts).

export class CertificateResponse {
  @ApiProperty({ example: '粤(2026)广州市不动产权第09400110号', description: 'Canonical form' })
  certificateNumber!: string;

  @ApiProperty({ example: 'TITLE' }) kind!: string;
  @ApiProperty({ example: 'ACTIVE' }) status!: string;
  @ApiProperty({ example: '440184001016GB00009F00800039' }) unitNumber!: string;
  @ApiProperty({ description: 'The act that issued it' }) registrationId!: string;
  @ApiProperty({ description: "hex SHA-256 of the certificate's canonical content" }) contentHash!: string;
  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When it was superseded or cancelled' })
  statusChangedAt!: string | null;
}

export class CertificatesPageResponse {
  @ApiProperty({ type: [CertificateResponse] }) items!: CertificateResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class ClearanceResponse {
  @ApiProperty({ example: 'QS-2026-000123', description: 'The tax receipt number' }) clearanceNumber!: string;
  @ApiProperty({ example: '440184001016GB00009F00800039' }) unitNumber!: string;
  @ApiProperty({ example: 1, description: 'The ownership generation it clears' }) titleVersion!: number;
  @ApiProperty({ example: 1 }) transfereeCount!: number;
  @ApiProperty({
    example: 30000,
    nullable: true,
    type: Number,
    description: 'Deed tax paid, CNY; null when the chaincode that recorded it did not record the amount',
  })
  taxPaidCny!: number | null;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ example: 'TaxMSP' }) officerMspId!: string;
  @ApiProperty({ description: 'x509::<subject>::<issuer> of the recording officer' }) officerId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'tax-officer', description: "The officer's CN" })
  officerName!: string | null;

  @ApiProperty() txId!: string;
  @ApiProperty() blockNumber!: number;
  @ApiProperty({ description: 'Whether a TRANSFER in the index names it' }) used!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The TRANSFER that used it' })
  usedByRegistrationId!: string | null;
}

export class ClearancesPageResponse {
  @ApiProperty({ type: [ClearanceResponse] }) items!: ClearanceResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
