import { X509Certificate } from 'node:crypto';

import { common, msp } from '@hyperledger/fabric-protos';

import { crlFacts, type CrlFacts } from '../identity/crl';
import { timestampOf } from './timestamp';
import { type CheckName, decoded, fail, required } from './verification-failure';

/** The OU names by which an MSP with Node OUs tells its identities' roles apart. */
export interface NodeRoles {
  readonly client?: string;
  readonly peer?: string;
  readonly admin?: string;
  readonly orderer?: string;
}

export interface MspDefinition {
  readonly mspId: string;
  readonly roots: readonly X509Certificate[];
  readonly intermediates: readonly X509Certificate[];
  /** The MSP's revocation lists, parsed (not yet matched to a CA). */
  readonly revocationLists: readonly CrlFacts[];
  /** Undefined when the MSP does not classify identities (Node OUs disabled). */
  readonly nodeRoles?: NodeRoles;
}

/** What one configuration block says: who the organisations are, from which block on. */
export interface ChannelConfiguration {
  readonly blockNumber: number;
  /** Config.sequence: 0 in the genesis block, one more with each configuration update. */
  readonly sequence: number;
  /** The configuration envelope's time (when the orderers made the block). */
  readonly timestamp: Date;
  /** The peers' organisations (Application group), by MSP id. */
  readonly application: ReadonlyMap<string, MspDefinition>;
  /** The ordering service's organisations (Orderer group), by MSP id. */
  readonly orderer: ReadonlyMap<string, MspDefinition>;
}

/** google-protobuf's map, as far as reading config groups needs it (its typings are not installed). */
interface ReadonlyProtoMap<V> {
  get(key: string): V | undefined;
  forEach(callback: (value: V, key: string) => void): void;
}

/** MSPConfig.type of an X.509 MSP (msp.FABRIC); idemix MSPs cannot endorse or order. */
const X509_MSP = 0;

/**
 * Reads the organisations of a configuration block, the way a peer sets up its MSPs from it:
 *
 *   data[0] → Envelope → Payload (CONFIG, this channel) → ConfigEnvelope.config → Config
 *     .channel_group.groups[Application | Orderer].groups[org].values['MSP'] → MSPConfig
 *       → FabricMSPConfig { name, root_certs, intermediate_certs, revocation_list, fabric_node_ous }
 */
export function readConfiguration(
  envelopes: readonly Buffer[],
  blockNumber: number,
  channel: string,
): ChannelConfiguration {
  const check: CheckName = 'configuration';
  const what = `configuration block ${blockNumber}`;
  const [envelopeBytes, ...others] = envelopes;
  if (envelopeBytes === undefined || others.length > 0)
    fail(check, `${what} does not hold exactly one envelope`);
  return decoded(check, what, () => {
    const payload = common.Payload.deserializeBinary(
      common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8(),
    );
    const header = required(check, payload.getHeader(), `the payload header of ${what}`);
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    if (channelHeader.getType() !== common.HeaderType.CONFIG)
      fail(check, `block ${blockNumber} is not a configuration block`);
    if (channelHeader.getChannelId() !== channel) {
      fail(check, `${what} is of channel ${channelHeader.getChannelId()}, not ${channel}`);
    }
    const config = required(
      check,
      common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig(),
      `the configuration of ${what}`,
    );
    const channelGroup = required(check, config.getChannelGroup(), `the channel group of ${what}`);
    return {
      blockNumber,
      sequence: config.getSequence(),
      timestamp: timestampOf(channelHeader, check, what),
      application: organizations(channelGroup, 'Application', what),
      orderer: organizations(channelGroup, 'Orderer', what),
    };
  });
}

function organizations(
  channelGroup: common.ConfigGroup,
  parent: string,
  what: string,
): Map<string, MspDefinition> {
  const found = new Map<string, MspDefinition>();
  const parentGroup = (channelGroup.getGroupsMap() as ReadonlyProtoMap<common.ConfigGroup>).get(parent);
  if (parentGroup === undefined) fail('configuration', `${what} has no ${parent} group`);
  (parentGroup.getGroupsMap() as ReadonlyProtoMap<common.ConfigGroup>).forEach((group, name) => {
    const value = (group.getValuesMap() as ReadonlyProtoMap<common.ConfigValue>).get('MSP');
    const definition = value === undefined ? undefined : mspDefinition(value, `${what} ${parent}/${name}`);
    if (definition !== undefined) found.set(definition.mspId, definition);
  });
  return found;
}

function mspDefinition(value: common.ConfigValue, where: string): MspDefinition | undefined {
  const mspConfig = msp.MSPConfig.deserializeBinary(value.getValue_asU8());
  if (mspConfig.getType() !== X509_MSP) return undefined;
  const fabric = msp.FabricMSPConfig.deserializeBinary(mspConfig.getConfig_asU8());
  const mspId = fabric.getName();
  if (mspId === '') fail('configuration', `${where} names no MSP id`);
  const certificates = (list: Uint8Array[], kind: string) =>
    list.map((pem, index) => certificate(pem, `${where}: ${kind} ${index}`));
  const nodeOUs = fabric.getFabricNodeOus();
  return {
    mspId,
    roots: certificates(fabric.getRootCertsList_asU8(), 'root CA'),
    intermediates: certificates(fabric.getIntermediateCertsList_asU8(), 'intermediate CA'),
    revocationLists: fabric
      .getRevocationListList_asU8()
      .map((crl, index) => revocationList(crl, `${where}: CRL ${index}`)),
    ...(nodeOUs?.getEnable() === true && {
      nodeRoles: {
        client: nodeOUs.getClientOuIdentifier()?.getOrganizationalUnitIdentifier(),
        peer: nodeOUs.getPeerOuIdentifier()?.getOrganizationalUnitIdentifier(),
        admin: nodeOUs.getAdminOuIdentifier()?.getOrganizationalUnitIdentifier(),
        orderer: nodeOUs.getOrdererOuIdentifier()?.getOrganizationalUnitIdentifier(),
      },
    }),
  };
}

function certificate(pem: Uint8Array, what: string): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(pem));
  } catch {
    return fail('configuration', `${what} is not a readable X.509 certificate`);
  }
}

function revocationList(crl: Uint8Array, what: string): CrlFacts {
  try {
    return crlFacts(Buffer.from(crl));
  } catch {
    return fail('configuration', `${what} is not a readable X.509 CRL`);
  }
}
