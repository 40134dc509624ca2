// Which fields each of the 11 registration types takes, as the chaincode's rules say
// (registration-types.ts CertificateRules / HolderRules, register-request.ts RequiredFields): pure
// data and functions, no DOM, so the rule table can be read and tested on its own.

export const REGISTRATION_TYPES = [
  'FIRST',
  'TRANSFER',
  'CHANGE',
  'MORTGAGE',
  'MORTGAGE_DISCHARGE',
  'SEIZURE',
  'SEIZURE_RELEASE',
  'OBJECTION',
  'ADVANCE_NOTICE',
  'CORRECTION',
  'CANCELLATION',
];

/** The registry's usage list (the values are what the ledger stores). */
export const USAGES = ['住宅', '商业', '办公', '工业', '仓储', '车位', '其他'];

/** Whether the act issues a certificate: 'required', 'optional' or 'none'. */
const CERTIFICATE = {
  FIRST: 'required',
  TRANSFER: 'required',
  CHANGE: 'required',
  CORRECTION: 'optional',
  MORTGAGE: 'required',
  ADVANCE_NOTICE: 'required',
  OBJECTION: 'required',
  MORTGAGE_DISCHARGE: 'none',
  SEIZURE: 'none',
  SEIZURE_RELEASE: 'none',
  CANCELLATION: 'none',
};

/** Whether the act names right holders (transient, never on the ledger in plain text). */
const HOLDERS = {
  FIRST: 'required',
  TRANSFER: 'required',
  CHANGE: 'none',
  CORRECTION: 'optional',
  ADVANCE_NOTICE: 'required',
  OBJECTION: 'required',
  MORTGAGE: 'none',
  MORTGAGE_DISCHARGE: 'none',
  SEIZURE: 'none',
  SEIZURE_RELEASE: 'none',
  CANCELLATION: 'none',
};

/** The groups of fields beyond unit, certificate and holders, each 'required' or 'optional'. */
const GROUPS = {
  FIRST: { property: 'optional' },
  TRANSFER: { deedTaxClearanceNumber: 'required', mortgageeConsentReference: 'optional' },
  CHANGE: { description: 'required', property: 'optional' },
  MORTGAGE: { mortgage: 'required' },
  MORTGAGE_DISCHARGE: {},
  SEIZURE: { court: 'required', courtOrder: 'required' },
  SEIZURE_RELEASE: { courtOrder: 'required' },
  OBJECTION: { description: 'required' },
  ADVANCE_NOTICE: {},
  CORRECTION: {
    description: 'required',
    property: 'optional',
    correctionBasis: 'optional',
    closesObjection: 'optional',
  },
  CANCELLATION: { description: 'optional' },
};

/**
 * What the form for `type` shows: { certificate, holders, groups: { name: 'required'|'optional' } },
 * every type also taking the unit number and remarks.
 */
export function fieldsOfType(type) {
  if (!REGISTRATION_TYPES.includes(type)) return null;
  return { certificate: CERTIFICATE[type], holders: HOLDERS[type], groups: { ...GROUPS[type] } };
}
