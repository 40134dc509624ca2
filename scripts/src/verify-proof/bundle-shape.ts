import {
  PROOF_BUNDLE_FORMAT,
  RECORD_KINDS,
  type ProofBundle,
  type ProofOrganization,
} from '../../../gateway-api/src/verify/proof-bundle/bundle-format';
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
  const block = object(bundle.block, 'block');
  base64(block.header, 'block.header');
  base64(block.transactionsFilter, 'block.transactionsFilter');
  array(block.data, 'block.data').forEach((entry, index) => base64(entry, `block.data[${index}]`));
  string(bundle.channel, 'channel');
  string(bundle.chaincode, 'chaincode');
  string(record.id, 'record.id');
  string(record.key, 'record.key');
  string(transaction.txId, 'transaction.txId');
  string(transaction.validationCode, 'transaction.validationCode');
  array(bundle.organizations, 'organizations').forEach(organization);
  return input as ProofBundle;
}

function organization(value: unknown, index: number): void {
  const org = object(value, `organizations[${index}]`) as Partial<Record<keyof ProofOrganization, unknown>>;
  string(org.mspId, `organizations[${index}].mspId`);
  array(org.rootCerts, `organizations[${index}].rootCerts`).forEach((pem) =>
    string(pem, 'a root certificate'),
  );
  array(org.intermediateCerts, `organizations[${index}].intermediateCerts`).forEach((pem) =>
    string(pem, 'an intermediate certificate'),
  );
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
