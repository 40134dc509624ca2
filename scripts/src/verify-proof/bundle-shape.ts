import { PROOF_BUNDLE_FORMAT, RECORD_KINDS, type ProofBundle } from '../../../chaincode/src/contract';
import { fail } from './verification-failure';

// The bundle arrives as untrusted JSON (a file, a download): every field the checks read is validated
// here first, so the checks can rely on types and a malformed bundle fails with a reason instead of a
// TypeError.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

type Json = Record<string, unknown>;

export function parseBundle(input: unknown): ProofBundle {
  const bundle = object(input, 'the bundle');
  if (bundle.format !== PROOF_BUNDLE_FORMAT) {
    fail('bundle', `format is ${JSON.stringify(bundle.format)}, expected ${PROOF_BUNDLE_FORMAT}`);
  }
  const record = object(bundle.record, 'record');
  const kind = record.kind;
  if (!RECORD_KINDS.some((known) => known === kind))
    fail('bundle', `unknown record kind ${JSON.stringify(kind)}`);
  const transaction = object(bundle.transaction, 'transaction');
  if (!DECIMAL.test(string(transaction.blockNumber, 'transaction.blockNumber'))) {
    fail('bundle', 'transaction.blockNumber is not a decimal number');
  }
  const txIndex = transaction.txIndex;
  if (typeof txIndex !== 'number' || !Number.isSafeInteger(txIndex) || txIndex < 0) {
    fail('bundle', 'transaction.txIndex is not a non-negative integer');
  }
  signedBlock(bundle.block, 'block');
  base64(object(bundle.block, 'block').transactionsFilter, 'block.transactionsFilter');
  const configuration = array(bundle.configuration, 'configuration');
  if (configuration.length === 0) fail('bundle', 'configuration holds no block');
  configuration.forEach((block, index) => signedBlock(block, `configuration[${index}]`));
  string(bundle.channel, 'channel');
  string(bundle.chaincode, 'chaincode');
  string(record.id, 'record.id');
  string(record.key, 'record.key');
  string(transaction.txId, 'transaction.txId');
  string(transaction.validationCode, 'transaction.validationCode');
  return input as ProofBundle;
}

/** header, data and signatures of a block, each base64 (ProofSignedBlock). */
function signedBlock(value: unknown, what: string): void {
  const block = object(value, what);
  base64(block.header, `${what}.header`);
  base64(block.signatures, `${what}.signatures`);
  array(block.data, `${what}.data`).forEach((entry, index) => base64(entry, `${what}.data[${index}]`));
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('bundle', `${what} is not an object`);
  return value as Json;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) fail('bundle', `${what} is not an array`);
  return value as unknown[];
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') fail('bundle', `${what} is not a string`);
  return value;
}

function base64(value: unknown, what: string): void {
  if (!BASE64.test(string(value, what))) fail('bundle', `${what} is not base64`);
}
