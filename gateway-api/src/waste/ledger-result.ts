import { chaincodeAnswerObject, type JsonObject, unexpectedAnswer } from '../common/chaincode-answer';
import { type ApiError } from '../common/errors';
import { type AnomalyResponse, type RejectedItemResponse } from './dto/scans.dto';

export type { JsonObject };

/** The per-item lists every waste batch transaction answers with. */
export interface BatchItems {
  readonly accepted: number;
  readonly duplicates: string[];
  readonly rejected: RejectedItemResponse[];
  readonly anomalies: AnomalyResponse[];
}

function mismatch(transaction: string, problem: string): ApiError {
  return unexpectedAnswer(`waste ${transaction}`, problem);
}

export function resultObject(bytes: Uint8Array, transaction: string): JsonObject {
  return chaincodeAnswerObject(bytes, `waste ${transaction}`);
}

export function stringField(source: JsonObject, field: string, transaction: string): string {
  const value = source[field];
  if (typeof value !== 'string') throw mismatch(transaction, `${field} is not a string`);
  return value;
}

export function numberField(source: JsonObject, field: string, transaction: string): number {
  const value = source[field];
  if (typeof value !== 'number') throw mismatch(transaction, `${field} is not a number`);
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `accepted`, `duplicates`, `rejected` and `anomalies`, checked entry by entry. */
export function batchItems(source: JsonObject, transaction: string): BatchItems {
  const { duplicates, rejected, anomalies } = source;
  if (!Array.isArray(duplicates) || !duplicates.every((entry) => typeof entry === 'string')) {
    throw mismatch(transaction, 'duplicates is not a list of barcodes');
  }
  if (!Array.isArray(rejected) || !rejected.every(isRejected)) {
    throw mismatch(transaction, 'rejected is not a list of { index, barcode, code, message }');
  }
  if (!Array.isArray(anomalies) || !anomalies.every(isAnomaly)) {
    throw mismatch(transaction, 'anomalies is not a list of { type, message }');
  }
  return {
    accepted: numberField(source, 'accepted', transaction),
    duplicates,
    rejected,
    anomalies,
  };
}

function isRejected(value: unknown): value is RejectedItemResponse {
  return (
    isObject(value) &&
    typeof value.index === 'number' &&
    typeof value.barcode === 'string' &&
    typeof value.code === 'string' &&
    typeof value.message === 'string'
  );
}

function isAnomaly(value: unknown): value is AnomalyResponse {
  return isObject(value) && typeof value.type === 'string' && typeof value.message === 'string';
}

export function stringListField(source: JsonObject, field: string, transaction: string): string[] {
  const value = source[field];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw mismatch(transaction, `${field} is not a list of strings`);
  }
  return value;
}

export function listField(source: JsonObject, field: string, transaction: string): unknown[] {
  const value = source[field];
  if (!Array.isArray(value)) throw mismatch(transaction, `${field} is not a list`);
  return value as unknown[];
}
