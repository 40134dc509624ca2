// A hauler's planned route: the ordered sites one vehicle is to visit on one day (Asia/Shanghai).
// One key per vehicle and day, so planning one truck never conflicts with another; planning again
// replaces the plan with the next revision (the earlier one stays in the key's history). A load
// collected at a site that is not on the day's plan is flagged OFF_ROUTE; a day without a plan flags
// nothing, because the city does not require every truck to file one.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { NotFoundError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putRecord } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { MAX_ROUTE_SITES, SITE_ID_PATTERN, SITE_ID_RULE } from './domain';
import { FieldReader, isJsonObject, parseJsonObjectArgument } from './input';
import { routeKey } from './keys';
import { SiteCache } from './ledger-reads';
import { isCalendarDay } from './local-day';
import { StoredReader } from './stored';
import { requireActiveVehicle } from './vehicle-registry';
import { VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE } from './vehicle-rules';

const DAY_RULE = 'must be a calendar day written YYYY-MM-DD';
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export interface WasteRoute {
  readonly vehicleId: string;
  readonly day: string;
  readonly siteIds: readonly string[];
  /** 1 for the first plan of the day, then one more each time it is replaced. */
  readonly revision: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export async function recordRoute(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<WasteRoute> {
  const input = parseRoute(json);
  await requireActiveVehicle(ctx, 'vehicleId', input.vehicleId);
  const sites = new SiteCache(ctx);
  const unknown: string[] = [];
  for (const siteId of input.siteIds) {
    if ((await sites.get(siteId)) === undefined) {
      unknown.push(siteId);
    }
  }
  if (unknown.length > 0) {
    throw new NotFoundError(`sites ${unknown.join(', ')} are not registered`, [
      { field: 'siteIds', message: `UNKNOWN_SITE: ${unknown.join(', ')}` },
    ]);
  }
  const previous = await readRoute(ctx, input.vehicleId, input.day);
  const route: WasteRoute = {
    ...input,
    revision: (previous?.revision ?? 0) + 1,
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  await putRecord(ctx, routeKey(ctx, route.vehicleId, route.day), route);
  emitEvent(ctx, EventNames.WasteRouteRecorded, { ...route, txId: ctx.stub.getTxID() });
  return route;
}

function parseRoute(json: string): { vehicleId: string; day: string; siteIds: string[] } {
  const reader = new FieldReader(parseJsonObjectArgument(json, 'route'));
  const vehicleId = reader.string('vehicleId', VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE);
  const day = reader.string('day', DAY_SHAPE, DAY_RULE);
  if (day !== '' && !isCalendarDay(day)) {
    reader.problem('day', DAY_RULE);
  }
  const rawSites = reader.array('siteIds', MAX_ROUTE_SITES);
  const siteIds: string[] = [];
  rawSites.forEach((siteId, index) => {
    if (typeof siteId !== 'string' || !SITE_ID_PATTERN.test(siteId)) {
      reader.problem(`siteIds[${index}]`, SITE_ID_RULE);
    } else if (siteIds.includes(siteId)) {
      reader.problem(`siteIds[${index}]`, `${siteId} is listed twice`);
    } else {
      siteIds.push(siteId);
    }
  });
  reader.throwIfInvalid('route');
  return { vehicleId, day, siteIds };
}

export async function readRoute(
  ctx: Context,
  vehicleId: string,
  day: string,
): Promise<WasteRoute | undefined> {
  return getRecord(ctx, routeKey(ctx, vehicleId, day), parseStoredRoute);
}

/** GetRoute: VALIDATION_FAILED for a malformed plate or day, NOT_FOUND when no plan was filed. */
export async function requireRoute(ctx: Context, vehicleId: unknown, day: unknown): Promise<WasteRoute> {
  const problems = [];
  if (typeof vehicleId !== 'string' || !VEHICLE_PLATE_PATTERN.test(vehicleId)) {
    problems.push({ field: 'vehicleId', message: VEHICLE_PLATE_RULE });
  }
  if (typeof day !== 'string' || !isCalendarDay(day)) {
    problems.push({ field: 'day', message: DAY_RULE });
  }
  if (problems.length > 0 || typeof vehicleId !== 'string' || typeof day !== 'string') {
    throw new ValidationError('invalid route key', problems);
  }
  const route = await readRoute(ctx, vehicleId, day);
  if (route === undefined) {
    throw new NotFoundError(`no route planned for vehicle ${vehicleId} on ${day}`);
  }
  return route;
}

function parseStoredRoute(raw: unknown): WasteRoute {
  const reader = new StoredReader(raw, 'waste route');
  const siteIds = isJsonObject(raw) ? raw.siteIds : undefined;
  if (!Array.isArray(siteIds) || !siteIds.every((siteId) => typeof siteId === 'string')) {
    throw new Error('stored waste route is invalid: field siteIds');
  }
  return {
    vehicleId: reader.string('vehicleId'),
    day: reader.string('day'),
    siteIds: siteIds,
    revision: reader.integer('revision'),
    recordedAt: reader.string('recordedAt'),
    recordedBy: reader.string('recordedBy'),
  };
}
