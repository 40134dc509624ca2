import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WriteResponse {
  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}

export class OpenCaseResponse extends WriteResponse {
  @ApiProperty({ example: 'BO-91350100M000100Y43' })
  caseId!: string;

  @ApiProperty({ example: '91350100M000100Y43' })
  uscc!: string;
}

export class CompleteStepResponse extends WriteResponse {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  step!: string;

  @ApiProperty({ example: '2026-03-02T02:00:00.000Z' })
  completedAt!: string;
}

export class LicenseStatusResponse extends WriteResponse {
  @ApiProperty()
  uscc!: string;

  @ApiProperty({ enum: ['CANCELLED', 'REVOKED'] })
  status!: string;

  @ApiProperty()
  changedAt!: string;
}

/** GetCase as the chaincode answers it, plus the working time against the target. */
export class CaseResponse {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  uscc!: string;

  @ApiProperty({ enum: ['OPEN', 'COMPLETED'] })
  status!: string;

  @ApiProperty()
  openedAt!: string;

  @ApiPropertyOptional()
  completedAt?: string;

  @ApiProperty({
    description: 'The six steps: { step, status PENDING|DONE, reference?, completedAt?, completedBy? }',
    type: 'array',
    items: { type: 'object' },
  })
  steps!: unknown[];

  @ApiProperty({ description: 'Working time from openedAt to completedAt, or to now while OPEN' })
  elapsedWorkingMillis!: number;

  @ApiProperty({ description: 'Half a working day of the configured calendar (3 h 45 min by default)' })
  targetMillis!: number;

  @ApiProperty()
  withinTarget!: boolean;

  /** Further fields of the chaincode's case view (name, entityType, legalRepresentative masked, …). */
  [field: string]: unknown;
}

export class CaseSummary {
  @ApiProperty() caseId!: string;
  @ApiProperty() uscc!: string;
  @ApiProperty() name!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ enum: ['OPEN', 'COMPLETED'] }) status!: string;
  @ApiProperty() stepsDone!: number;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty({ description: 'Over the half-working-day target (as of now while OPEN)' })
  overTarget!: boolean;

  @ApiProperty({ description: 'OPEN and past its half-working-day deadline now' })
  overdue!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The last instant within the target; null when the calendar gives none',
  })
  targetDeadline!: string | null;
}

export class EnterpriseSummary {
  @ApiProperty() uscc!: string;
  @ApiProperty() name!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ enum: ['OPEN', 'COMPLETED'] }) caseStatus!: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['ACTIVE', 'CANCELLED', 'REVOKED'] })
  licenseStatus!: string | null;
}

export class CasePage {
  @ApiProperty({ type: [CaseSummary] }) items!: CaseSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class EnterprisePage {
  @ApiProperty({ type: [EnterpriseSummary] }) items!: EnterpriseSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class LicenseSummary {
  @ApiProperty() uscc!: string;
  @ApiProperty({ description: "The enterprise's name, from its opening case" }) name!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['ACTIVE', 'CANCELLED', 'REVOKED'] }) status!: string;
  @ApiProperty({ description: 'When the LICENSE step issued it' }) establishedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) statusChangedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) statusReason!: string | null;
}

export class LicensePage {
  @ApiProperty({ type: [LicenseSummary] }) items!: LicenseSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
