// The site named by a collection or delivery applies to the whole request, so an unknown site refuses
// the whole call (NOT_FOUND) and a site of the wrong kind too (RULE_VIOLATION). The detail message
// starts with the item code (UNKNOWN_SITE / WRONG_SITE_KIND) the API reports.

import { type Context } from 'fabric-contract-api';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { ItemCodes, type SiteKind } from './domain';
import { readSite } from './ledger-reads';
import { type WasteSite } from './site';

export async function requireSiteOfKind(
  ctx: Context,
  field: string,
  siteId: string,
  kinds: readonly SiteKind[],
): Promise<WasteSite> {
  const site = await readSite(ctx, siteId);
  if (site === undefined) {
    throw new NotFoundError(`site ${siteId} is not registered`, [
      { field, message: `${ItemCodes.UnknownSite}: register the site first` },
    ]);
  }
  if (!kinds.includes(site.kind)) {
    throw new RuleViolationError(`site ${siteId} is a ${site.kind}; expected ${kinds.join(' or ')}`, [
      { field, message: `${ItemCodes.WrongSiteKind}: ${site.kind}` },
    ]);
  }
  return site;
}
