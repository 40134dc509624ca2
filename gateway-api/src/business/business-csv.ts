import { type CsvColumn } from '../common/csv';
import { type CaseSummary, type LicenseSummary } from './dto/responses.dto';

// The CSV columns of the business lists: the JSON items' fields, in the order a clerk reads them.

export const CASE_CSV_COLUMNS: readonly CsvColumn<CaseSummary>[] = [
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'uscc', value: (row) => row.uscc },
  { header: 'name', value: (row) => row.name },
  { header: 'entityType', value: (row) => row.entityType },
  { header: 'status', value: (row) => row.status },
  { header: 'stepsDone', value: (row) => row.stepsDone },
  { header: 'openedAt', value: (row) => row.openedAt },
  { header: 'completedAt', value: (row) => row.completedAt },
  { header: 'targetDeadline', value: (row) => row.targetDeadline },
  { header: 'overTarget', value: (row) => row.overTarget },
  { header: 'overdue', value: (row) => row.overdue },
];

export const LICENSE_CSV_COLUMNS: readonly CsvColumn<LicenseSummary>[] = [
  { header: 'uscc', value: (row) => row.uscc },
  { header: 'name', value: (row) => row.name },
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'status', value: (row) => row.status },
  { header: 'establishedAt', value: (row) => row.establishedAt },
  { header: 'statusChangedAt', value: (row) => row.statusChangedAt },
  { header: 'statusReason', value: (row) => row.statusReason },
];
