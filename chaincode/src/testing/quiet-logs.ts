// Import first in a test file that loads contracts: fabric-contract-api logs every decorator at info
// level when a contract class is defined, and reads this variable when it creates its loggers.
// Errors (such as the router logging a failed transaction) still print.
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'WARNING';

export {};
