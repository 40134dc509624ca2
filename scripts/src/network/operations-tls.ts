import { isIP } from 'node:net';
import { type HealthCheck } from '../process/health';
import { type TlsFiles } from './crypto-layout';
import { address, type Endpoint } from './topology';

// A Fabric node's operations endpoint (/healthz, /metrics, /logspec) answers anyone who can reach it,
// and /logspec can even change its logging. On loopback only this machine can, which is the local
// network's case; once topology.yaml puts a node on another address, the endpoint must not be open
// to the host's network: it then listens with TLS and accepts only clients holding a certificate of
// the node's own organisation's TLS CA (the org admin's, as the status command presents it).

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(bare);
  return false;
}

/** The TLS material of one node's operations endpoint. */
export interface OperationsTls {
  /** The node's own TLS server certificate and key. */
  readonly server: Pick<TlsFiles, 'cert' | 'key'>;
  /** The CA whose client certificates may call the endpoint (the org's TLS CA). */
  readonly clientRootCa: string;
  /** What the status probe presents: a client certificate of that CA, and the CA to trust the server by. */
  readonly probe: TlsFiles;
}

/** Whether the endpoint at `node` gets TLS: everywhere but loopback. */
export const operationsUseTls = (node: Endpoint): boolean => !isLoopbackHost(node.host);

/** How the supervisor and `network status` ask the endpoint's /healthz. */
export function operationsHealth(node: Endpoint, port: number, tls: OperationsTls): HealthCheck {
  if (!operationsUseTls(node)) return { kind: 'http', url: `http://${address(node, port)}/healthz` };
  return {
    kind: 'https',
    url: `https://${address(node, port)}/healthz`,
    ca: tls.probe.ca,
    cert: tls.probe.cert,
    key: tls.probe.key,
  };
}

/** The peer's CORE_OPERATIONS_TLS_* settings (core.yaml operations.tls); none on loopback. */
export function peerOperationsTlsEnv(node: Endpoint, tls: OperationsTls): NodeJS.ProcessEnv {
  if (!operationsUseTls(node)) return {};
  return {
    CORE_OPERATIONS_TLS_ENABLED: 'true',
    CORE_OPERATIONS_TLS_CERT_FILE: tls.server.cert,
    CORE_OPERATIONS_TLS_KEY_FILE: tls.server.key,
    CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED: 'true',
    CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES: `[${tls.clientRootCa}]`,
  };
}

/** The orderer's ORDERER_OPERATIONS_TLS_* settings (orderer.yaml Operations.TLS); none on loopback. */
export function ordererOperationsTlsEnv(node: Endpoint, tls: OperationsTls): NodeJS.ProcessEnv {
  if (!operationsUseTls(node)) return {};
  return {
    ORDERER_OPERATIONS_TLS_ENABLED: 'true',
    ORDERER_OPERATIONS_TLS_CERTIFICATE: tls.server.cert,
    ORDERER_OPERATIONS_TLS_PRIVATEKEY: tls.server.key,
    ORDERER_OPERATIONS_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_OPERATIONS_TLS_CLIENTROOTCAS: `[${tls.clientRootCa}]`,
  };
}

/** fabric-ca-server's `operations.tls` section; disabled on loopback. */
export function caOperationsTlsConfig(node: Endpoint, tls: OperationsTls): Record<string, unknown> {
  if (!operationsUseTls(node)) return { enabled: false };
  return {
    enabled: true,
    certfile: tls.server.cert,
    keyfile: tls.server.key,
    clientAuthRequired: true,
    clientCACertFiles: [tls.clientRootCa],
  };
}
