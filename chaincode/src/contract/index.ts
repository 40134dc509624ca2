// The contract surface of govtrace: everything the gateway, the scripts and the tests may take from the
// chaincode, through this one entry point. The names and shapes here are what both sides of the seam
// must agree on; anything else under chaincode/src is the chaincode's own business, and the lint rule
// in eslint.config.mjs (checked by scripts/src/lib/package-boundaries.test.ts) refuses imports of it
// from gateway-api, scripts and test.
//
// Nothing re-exported here loads fabric-contract-api or fabric-shim at run time. Some key functions
// still take the chaincode's Context (type only): clients pass a stand-in that builds composite keys
// the way the peer does.

// Identifiers and their canonical forms (one algorithm per identifier, DESIGN.md)
export {
  BAG_CATEGORY_NAMES,
  type BagCategoryCode,
  bagBarcodeCheckDigit,
  CERTIFICATE_KINDS,
  type CertificateKind,
  type IdentifierFormat,
  IdentifierFormats,
  MAX_BAG_SERIAL,
  makeBagBarcode,
  organisationCodeCheck,
  parseBagBarcode,
  parseCertificateNumber,
  parseResidentId,
  parseUnitNumber,
  parseUscc,
  residentIdCheckCharacter,
  usccCheckCharacter,
  USCC_ALPHABET,
} from '../common/identifiers';
export {
  canonicalVerificationCode,
  printedVerificationCode,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from '../common/verification-code';

// Wire rules every request and record follows
export { toCanonicalBytes } from '../common/canonical-json';
export { containsNulCharacter } from '../common/nul-characters';
export {
  type ChaincodeErrorPayload,
  type ErrorCode,
  type ErrorDetail,
  parseChaincodeErrorMessage,
} from '../common/errors';
export { maskName, saltedIdHash } from '../common/personal-data';

// Definitions, contracts, transactions, events, roles
export {
  type ChaincodeDefinitionSpec,
  type ChaincodeName,
  ChaincodeNames,
  ContractHome,
  type ContractName,
  ContractNames,
  definitionsFor,
  ownerOf,
  ProductionDefinitions,
  RecordTypeHome,
} from '../common/definitions';
export { type TransactionOf, Transactions } from '../common/transactions';
export { type EventName, EventNames, isEventName } from '../common/event-names';
export {
  DEVICE_SITE_ATTRIBUTE,
  DEVICE_VEHICLE_ATTRIBUTE,
  DeviceRoles,
  isOrgMsp,
  isRole,
  type OrgMsp,
  OrgMsps,
  type Role,
  RoleMsp,
  Roles,
} from '../common/access';

// Answers: the shape each transaction answers (plain data, checked by the gateway's one decoder)
export {
  type AnswerOf,
  answerProblem,
  type AnswerShape,
  answerShape,
  type Fields,
  fitsShape,
  type JsonRecord,
  listOf,
  nullable,
  optional,
  type ValueOfFields,
} from '../common/answer-shape';
export {
  type AnsweredContract,
  type AnsweredTransaction,
  Answers,
  type AnswerShapeOf,
  type TransactionAnswer,
} from '../common/answers';

// Event payloads: the shape each event carries (same language as answers, checked by the gateway's one
// event decoder)
export { type EventPayload, EventPayloads, type EventPayloadShape } from '../common/event-payloads';

// Ledger key layout (composite keys as the peer builds them)
export { recordKey, type RecordType, RecordTypes } from '../common/ledger';
export { certificateKey, registrationKey, unitKey } from '../realestate/keys';
export { registrationId, sequenceKey } from '../realestate/registration-record';
export { clearanceKey, taxStepKey } from '../tax/keys';
export { anomalyKey, bagEventKey, bagKey, deliveryKey, loadKey, siteKey } from '../waste/keys';

// Real estate
export { HOLDER_LOOKUP_KEY_BYTES, MAX_HOLDER_LOOKUP_KEY_VERSION } from '../common/holder-lookup';
export {
  CertificateRules,
  type CertificateStatus,
  CertificateStatuses,
  HolderRules,
  type RegistrationType,
  RegistrationTypes,
} from '../realestate/registration-types';
export {
  type CertificateRecord,
  issueCertificate,
  parseStoredCertificate,
} from '../realestate/certificate-record';
export { CLEARANCE_NUMBER_PATTERN, clearanceNotRecorded } from '../realestate/clearance-record';
export { MAX_TAX_PAID_FEN, TAX_PAID_FEN_PATTERN } from '../tax/tax-paid';
export {
  type CorrectionBasisKind,
  CorrectionBasisKinds,
  CorrectionReferencePatterns,
  correctionReferenceProblem,
  isCorrectionBasisKind,
} from '../realestate/correction-basis';
export { changeCannotReplaceHolders } from '../realestate/holder-change-rules';
export {
  AREA_M2_PATTERN,
  AREA_M2_RULE,
  MAX_LOCATION_CHARS,
  PROPERTY_USAGES,
  type PropertyUsage,
} from '../realestate/property-particulars';

// Business opening
export {
  ENTERPRISE_NAME_MAX_CHARS,
  ENTERPRISE_NAME_MIN_CHARS,
  enterpriseNameClaimId,
  normaliseEnterpriseName,
} from '../business/enterprise-name';
export { PERSON_NAME_MAX_CHARS } from '../business/legal-representative';
export { LicenseStatuses } from '../business/license-statuses';
export {
  ADDRESS_MAX_CHARS,
  BUSINESS_SCOPE_MAX_CHARS,
  capitalToFen,
  MAX_CAPITAL_FEN,
  EntityTypes,
} from '../business/open-case-request';
export {
  type BusinessStep,
  BusinessSteps,
  isBusinessStep,
  StepContracts,
  StepEndorsers,
  StepRoles,
} from '../business/steps';
export {
  halfWorkingDayMillis,
  type WorkingCalendar,
  type WorkingTimeReport,
  workingTimeReport,
} from '../business/working-time';

// Waste
export {
  AnomalyTypes,
  BagStepNames,
  BagSteps,
  CategoryCodes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  LOAD_ID_PATTERN,
  LOAD_ID_RULE,
  MAX_BAG_WEIGHT_GRAMS,
  MAX_BATCH_ITEMS,
  MAX_ARRIVAL_DEADLINE_MINUTES,
  MAX_LOAD_WEIGHT_GRAMS,
  MAX_ROUTE_SITES,
  MIN_ARRIVAL_DEADLINE_MINUTES,
  type Outcome,
  Outcomes,
  ScanQualities,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  SITE_NAME_PATTERN,
  SITE_NAME_RULE,
  SiteKinds,
  TOLERANCE_RATIO_PATTERN,
  TOLERANCE_RATIO_RULE,
} from '../waste/domain';
export {
  BIN_ID_PATTERN,
  BIN_ID_RULE,
  MAX_VEHICLE_CAPACITY_KG,
  RegistrationStatuses,
  RFID_TAG_PATTERN,
  RFID_TAG_RULE,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../waste/vehicle-rules';
export { ISO_DATE_TIME_PATTERN, isIsoDateTime } from '../waste/input';
export { isCalendarDay, shanghaiDay } from '../waste/local-day';

// Shapes the gateway and the scripts exchange: the offline proof bundle, the runtime files the setup
// scripts write for the gateway, and the holder-lookup key file
export * from './proof-bundle-format';
export {
  type ConnectionProfile,
  type DeviceAssignment,
  type EnrolledUser,
  type IdentityStore,
  type PeerEndpoint,
} from './runtime-files';
export * from './holder-lookup-key-file';
export { ConnectionProfileError, parseConnectionProfile } from './connection-profile-file';
export {
  describeDeviceAssignment,
  deviceAttribute,
  deviceIdProblem,
  deviceRoleFor,
  parseDeviceAssignment,
} from './device-assignment';
