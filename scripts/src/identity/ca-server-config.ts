import { stringify } from 'yaml';
import { fabricCaPin } from '../fabric/pin';
import { address } from '../network/topology';
import { type CaSite } from './ca-site';
import { caOperationsTlsConfig } from '../network/operations-tls';

/** The CA's bootstrap administrator: registers, enrolls and revokes the users. */
export const bootstrapAdmin = 'admin';

/**
 * fabric-ca-server's configuration for one organisation. Written by us rather
 * than letting the server generate its default, because that default is world-
 * readable with the admin password in it, and listens for operations on
 * 127.0.0.1:9443 (orderer1's port). Anything not named here takes Fabric CA's
 * built-in default.
 */
export function renderCaServerConfig(site: CaSite, adminPassword: string): string {
  const config = {
    version: fabricCaPin.version,
    address: site.host.replace(/^\[|\]$/g, ''),
    port: site.port,
    debug: false,
    tls: {
      enabled: true,
      certfile: site.tls.cert,
      keyfile: site.tls.key,
      clientauth: { type: 'noclientcert' },
    },
    // The org's MSP CA from cryptogen: users this server enrolls are members of the org
    // on the channel, and the org's Node OU config classifies them by the OU (client).
    ca: { name: site.name, certfile: site.signing.cert, keyfile: site.signing.key },
    crl: { expiry: '24h' },
    registry: {
      maxenrollments: -1,
      identities: [
        {
          name: bootstrapAdmin,
          pass: adminPassword,
          type: 'client',
          affiliation: '',
          attrs: {
            'hf.Registrar.Roles': '*',
            'hf.Registrar.DelegateRoles': '*',
            'hf.Registrar.Attributes': '*',
            'hf.Revoker': true,
            'hf.GenCRL': true,
            'hf.AffiliationMgr': true,
          },
        },
      ],
    },
    db: { type: 'sqlite3', datasource: 'fabric-ca-server.db' },
    // No affiliations: users carry their org by the CA that signed them, and the
    // only OU in their certificates is the Node OU (client).
    affiliations: {},
    // Without this the built-in default profile marks user certificates for cert and CRL signing.
    signing: { default: { usage: ['digital signature'], expiry: '8760h' } },
    cfg: { identities: { passwordattempts: 10 } },
    operations: {
      listenAddress: address(site, site.operationsPort),
      tls: caOperationsTlsConfig(site, site.operationsTls),
    },
    metrics: { provider: 'prometheus' },
  };
  return `# Written by govtrace \`network up\` from network/topology.yaml; rewritten on every up.\n${stringify(config)}`;
}
