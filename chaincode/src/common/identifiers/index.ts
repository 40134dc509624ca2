// Identifier validators shared by the chaincode and the gateway: pure, deterministic, dependency-free.
export * from './validation';
export * from './uscc';
export * from './resident-id';
export * from './unit-number';
export * from './certificate-number';
export * from './bag-barcode';
export * from './identifier-formats';
