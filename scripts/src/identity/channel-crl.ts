import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { OperatorError } from '../lib/errors';
import { type ConfigUpdateResult, updateChannelConfig } from '../network/channel-config-update';
import { type CrlEdit, withOrgCrl } from '../network/msp-crl';
import { type PeerOrg, type Topology } from '../network/topology';
import { type CaSite } from './ca-site';
import { crlFacts, crlIssuedBy } from './crl';

/**
 * Takes an org's CA's CRL into the org's MSP in the channel configuration, as
 * the org's admin (the MSP value's mod_policy is the org's own Admins), so the
 * peers and orderers refuse the revoked certificates, not only the gateway.
 */
export type CrlPublication =
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'updated'; readonly replaced: number; readonly update: ConfigUpdateResult };

/** Lower-case hex without leading zeros, as crlFacts writes serials. */
export const serialOf = (certificatePem: Buffer | string): string =>
  new X509Certificate(certificatePem).serialNumber.toLowerCase().replace(/^0+(?=.)/, '');

/**
 * Checks that the CRL is usable by Fabric for this org (signed by the org's MSP
 * CA, with its key identifier) and lists `mustRevoke`, then updates the channel
 * unless its config holds that CRL already.
 */
export async function publishCrl(
  topology: Topology,
  org: PeerOrg,
  site: CaSite,
  crlFile: string,
  mustRevoke: readonly string[],
): Promise<CrlPublication> {
  const pem = await readFile(crlFile, 'utf8');
  const facts = crlFacts(pem);
  if (!crlIssuedBy(facts, await readFile(site.signing.cert))) {
    throw new OperatorError(
      `${crlFile} was not signed by ${org.mspId}'s MSP CA (${site.signing.cert}); the peers would ignore it`,
      "The org's Fabric CA must sign with the org's MSP CA (scripts/README.md, Identities).",
    );
  }
  const missing = mustRevoke.filter((serial) => !facts.revokedSerials.includes(serial));
  if (missing.length > 0) {
    throw new OperatorError(
      `${crlFile} does not list certificate ${missing.join(', ')}; not sending it to the channel`,
    );
  }
  const seen: { edit?: CrlEdit } = {};
  const update = await updateChannelConfig(topology, org, (config) => {
    const edit = withOrgCrl(config, org.mspId, pem);
    seen.edit = edit;
    return edit.kind === 'updated' ? edit.config : undefined;
  });
  const { edit } = seen;
  if (edit === undefined) throw new Error('updateChannelConfig did not call the edit');
  if (edit.kind === 'unchanged') return edit;
  if (update === undefined) throw new Error('the config changed but no update was sent');
  return { kind: 'updated', replaced: edit.replaced, update };
}
