import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

// Where a waste row belongs, for the district filters and the station / district / city totals. A
// district holds its sites: a scan counts for the district of the station it was made at, an anomaly
// for the district of its site. An anomaly without a site (a scan refused after the bag's final
// outcome: the event does not name the station) counts for the district of its bag. So every row
// belongs to at most one district, and a district's totals are the sum of its stations'.

export type WasteScope =
  | { readonly kind: 'CITY' }
  | { readonly kind: 'DISTRICT'; readonly districtCode: string }
  | { readonly kind: 'STATION'; readonly stationId: string };

const SITES_OF_DISTRICT = 'SELECT ws.site_id FROM waste_sites ws WHERE ws.district_code = :scopeDistrict';
const BAGS_OF_DISTRICT = 'SELECT wb.barcode FROM waste_bags wb WHERE wb.district_code = :scopeDistrict';

/** Narrows a query over waste_anomalies (alias `a`) to the scope. */
export function whereAnomalyIn<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  scope: WasteScope,
): SelectQueryBuilder<T> {
  if (scope.kind === 'STATION')
    return builder.andWhere('a.station_id = :scopeStation', { scopeStation: scope.stationId });
  if (scope.kind === 'DISTRICT') {
    return builder.andWhere(
      `(a.station_id IN (${SITES_OF_DISTRICT}) OR (a.station_id IS NULL AND a.barcode IN (${BAGS_OF_DISTRICT})))`,
      { scopeDistrict: scope.districtCode },
    );
  }
  return builder;
}

/** Narrows a query over waste_scans (alias `s`) to the scope. */
export function whereScanIn<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  scope: WasteScope,
): SelectQueryBuilder<T> {
  if (scope.kind === 'STATION')
    return builder.andWhere('s.station_id = :scopeStation', { scopeStation: scope.stationId });
  if (scope.kind === 'DISTRICT') {
    return builder.andWhere(`s.station_id IN (${SITES_OF_DISTRICT})`, { scopeDistrict: scope.districtCode });
  }
  return builder;
}

/** `from`/`to` local days, both included, on a `day` column (YYYY-MM-DD text orders as days). */
export function whereDayIn<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  column: string,
  range: { readonly from?: string; readonly to?: string },
): SelectQueryBuilder<T> {
  if (range.from !== undefined) builder.andWhere(`${column} >= :dayFrom`, { dayFrom: range.from });
  if (range.to !== undefined) builder.andWhere(`${column} <= :dayTo`, { dayTo: range.to });
  return builder;
}
