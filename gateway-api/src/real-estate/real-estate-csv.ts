import { type CsvColumn } from '../common/csv';
import { type CertificateResponse, type ClearanceResponse } from './dto/list-responses.dto';
import { type ActResponse } from './dto/responses.dto';

// The CSV columns of the real-estate and tax lists: the JSON items' fields, in the order a clerk or an
// officer reads them.

export const ACT_CSV_COLUMNS: readonly CsvColumn<ActResponse>[] = [
  { header: 'registrationId', value: (row) => row.registrationId },
  { header: 'unitNumber', value: (row) => row.unitNumber },
  { header: 'sequence', value: (row) => row.sequence },
  { header: 'type', value: (row) => row.type },
  { header: 'certificateNumber', value: (row) => row.certificateNumber },
  { header: 'deedTaxClearanceNumber', value: (row) => row.deedTaxClearanceNumber },
  { header: 'unitStatus', value: (row) => row.unitStatus },
  { header: 'registeredAt', value: (row) => row.registeredAt },
  { header: 'clerkName', value: (row) => row.clerkName },
  { header: 'clerkMspId', value: (row) => row.clerkMspId },
  { header: 'txId', value: (row) => row.txId },
  { header: 'blockNumber', value: (row) => row.blockNumber },
];

export const CERTIFICATE_CSV_COLUMNS: readonly CsvColumn<CertificateResponse>[] = [
  { header: 'certificateNumber', value: (row) => row.certificateNumber },
  { header: 'kind', value: (row) => row.kind },
  { header: 'status', value: (row) => row.status },
  { header: 'unitNumber', value: (row) => row.unitNumber },
  { header: 'registrationId', value: (row) => row.registrationId },
  { header: 'issuedAt', value: (row) => row.issuedAt },
  { header: 'statusChangedAt', value: (row) => row.statusChangedAt },
  { header: 'contentHash', value: (row) => row.contentHash },
];

export const CLEARANCE_CSV_COLUMNS: readonly CsvColumn<ClearanceResponse>[] = [
  { header: 'clearanceNumber', value: (row) => row.clearanceNumber },
  { header: 'unitNumber', value: (row) => row.unitNumber },
  { header: 'titleVersion', value: (row) => row.titleVersion },
  { header: 'transfereeCount', value: (row) => row.transfereeCount },
  { header: 'taxPaidCny', value: (row) => row.taxPaidCny },
  { header: 'recordedAt', value: (row) => row.recordedAt },
  { header: 'officerName', value: (row) => row.officerName },
  { header: 'officerMspId', value: (row) => row.officerMspId },
  { header: 'used', value: (row) => row.used },
  { header: 'usedByRegistrationId', value: (row) => row.usedByRegistrationId },
  { header: 'txId', value: (row) => row.txId },
  { header: 'blockNumber', value: (row) => row.blockNumber },
];
