/** The departments (peer organisations) a gateway can serve; one gateway per department in production. */
export const DEPARTMENTS = ['RegistryMSP', 'TaxMSP', 'MarketMSP', 'UrbanMSP'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

/**
 * Splits GATEWAY_DEPARTMENTS ("TaxMSP, UrbanMSP") into trimmed, de-duplicated names; validation of
 * each name is left to the schema, so an unknown one is reported rather than dropped.
 */
export function splitDepartmentList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

/** What a route needs: the department whose users call it and what to call the routes in a message. */
export interface RouteOwner {
  readonly department: Department;
  readonly routes: string;
}

/**
 * The department whose users call a path, or undefined for public routes (verify, ledger, health,
 * metrics, docs), which every gateway serves with whichever identity it holds. Most specific first:
 * the tax bureau's steps live under the registry's and market's prefixes.
 */
const ROUTE_OWNERS: readonly { readonly pattern: RegExp; readonly owner: RouteOwner }[] = [
  {
    pattern: /^\/api\/v1\/real-estate\/deed-tax-clearances(?:\/|$)/,
    owner: { department: 'TaxMSP', routes: 'deed-tax clearance' },
  },
  {
    pattern: /^\/api\/v1\/real-estate\/units\/[^/]+\/transfer-audit(?:\/|$)/,
    owner: { department: 'TaxMSP', routes: 'transfer audit' },
  },
  { pattern: /^\/api\/v1\/real-estate(?:\/|$)/, owner: { department: 'RegistryMSP', routes: 'real-estate' } },
  {
    pattern: /^\/api\/v1\/business\/cases\/[^/]+\/steps\/TAX(?:\/|$)/i,
    owner: { department: 'TaxMSP', routes: 'business tax-step' },
  },
  { pattern: /^\/api\/v1\/business(?:\/|$)/, owner: { department: 'MarketMSP', routes: 'business' } },
  { pattern: /^\/api\/v1\/waste(?:\/|$)/, owner: { department: 'UrbanMSP', routes: 'waste' } },
];

export function routeOwner(pathname: string): RouteOwner | undefined {
  return ROUTE_OWNERS.find(({ pattern }) => pattern.test(pathname))?.owner;
}

/** Why a gateway answers 404 for a path, or undefined when it serves it. */
export function unservedRouteMessage(pathname: string, served: readonly Department[]): string | undefined {
  const owner = routeOwner(pathname);
  if (owner === undefined || served.includes(owner.department)) return undefined;
  return `this gateway serves ${served.join(', ')}; ${owner.routes} routes are served by the ${owner.department} gateway`;
}
