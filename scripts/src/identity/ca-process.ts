import * as path from 'node:path';
import { binDirFor } from '../fabric/build-binaries';
import { fabricCaPin } from '../fabric/pin';
import { operationsHealth } from '../network/operations-tls';
import { type ProcessSpec } from '../process/supervisor';
import { type CaSite } from './ca-site';

export const fabricCaBinary = (name: 'fabric-ca-server' | 'fabric-ca-client'): string =>
  path.join(binDirFor(fabricCaPin), name);

/**
 * The org's fabric-ca-server under the supervisor. Its configuration is the
 * file in its home (prepareCaHome writes it first); the environment is kept
 * bare so no FABRIC_CA_SERVER_* variable of the operator's shell overrides it.
 */
export function caServerSpec(site: CaSite): ProcessSpec {
  return {
    name: site.name,
    program: fabricCaBinary('fabric-ca-server'),
    args: ['start', '--home', site.home],
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'] },
    cwd: site.home,
    listens: [
      { label: `${site.name} (TLS)`, host: site.host, port: site.port },
      { label: `${site.name} operations`, host: site.host, port: site.operationsPort },
    ],
    health: operationsHealth(site, site.operationsPort, site.operationsTls),
  };
}
