import { Logger } from '@nestjs/common';

import { ApiError, INTERNAL_MESSAGE } from '../common/errors';
import { type AnomalyResponse, type RejectedItemResponse } from './dto/scans.dto';

const logger = new Logger('WasteLedgerResult');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type JsonObject = Record<string, unknown>;

/** The per-item lists every waste batch transaction answers with. */
export interface BatchItems {
  readonly accepted: number;
  readonly duplicates: string[];
  readonly rejected: RejectedItemResponse[];
  readonly anomalies: AnomalyResponse[];
}

/**
 * The chaincode answers canonical JSON objects; anything else means gateway and chaincode disagree
 * about a format, a bug: logged in full, answered as a generic 500.
 */
function mismatch(transaction: string, problem: string): ApiError {
  logger.error(`waste ${transaction} answered an unexpected result: ${problem}`);
  return new ApiError('INTERNAL', 500, INTERNAL_MESSAGE);
}

export function resultObject(bytes: Uint8Array, transaction: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(bytes));
  } catch {
    throw mismatch(transaction, 'not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw mismatch(transaction, 'not a JSON object');
  }
  return parsed as JsonObject;
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
