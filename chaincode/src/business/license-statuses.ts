// The statuses of a business licence: ACTIVE when issued, then CANCELLED (注销) or REVOKED (吊销),
// both final. In a file of its own, free of fabric-contract-api, so the contract surface can export
// it to the gateway and the scripts without loading the chaincode libraries there.

export const LicenseStatuses = ['ACTIVE', 'CANCELLED', 'REVOKED'] as const;
export type LicenseStatus = (typeof LicenseStatuses)[number];
