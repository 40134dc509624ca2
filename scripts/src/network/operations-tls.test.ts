import {
  caOperationsTlsConfig,
  isLoopbackHost,
  operationsHealth,
  type OperationsTls,
  ordererOperationsTlsEnv,
  peerOperationsTlsEnv,
} from './operations-tls';

const tls: OperationsTls = {
  server: { cert: '/crypto/peer/tls/server.crt', key: '/crypto/peer/tls/server.key' },
  clientRootCa: '/crypto/tlsca/tlsca.registry-cert.pem',
  probe: {
    ca: '/crypto/admin/tls/ca.crt',
    cert: '/crypto/admin/tls/client.crt',
    key: '/crypto/admin/tls/client.key',
  },
};

describe('operations endpoints', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]'])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['10.0.0.5', '0.0.0.0', 'peer0.registry.city.gov.cn', '::', 'fe80::1', '128.0.0.1'])(
    'treats %s as reachable from elsewhere',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('stay plain HTTP on loopback, probed without a certificate', () => {
    const node = { host: '127.0.0.1', port: 7051 };
    expect(peerOperationsTlsEnv(node, tls)).toEqual({});
    expect(ordererOperationsTlsEnv(node, tls)).toEqual({});
    expect(caOperationsTlsConfig(node, tls)).toEqual({ enabled: false });
    expect(operationsHealth(node, 9444, tls)).toEqual({ kind: 'http', url: 'http://127.0.0.1:9444/healthz' });
  });

  it("use TLS with client authentication off loopback, probed with the org admin's client certificate", () => {
    const node = { host: '10.0.0.5', port: 7051 };
    expect(peerOperationsTlsEnv(node, tls)).toEqual({
      CORE_OPERATIONS_TLS_ENABLED: 'true',
      CORE_OPERATIONS_TLS_CERT_FILE: tls.server.cert,
      CORE_OPERATIONS_TLS_KEY_FILE: tls.server.key,
      CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED: 'true',
      CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES: `[${tls.clientRootCa}]`,
    });
    expect(ordererOperationsTlsEnv(node, tls)).toEqual({
      ORDERER_OPERATIONS_TLS_ENABLED: 'true',
      ORDERER_OPERATIONS_TLS_CERTIFICATE: tls.server.cert,
      ORDERER_OPERATIONS_TLS_PRIVATEKEY: tls.server.key,
      ORDERER_OPERATIONS_TLS_CLIENTAUTHREQUIRED: 'true',
      ORDERER_OPERATIONS_TLS_CLIENTROOTCAS: `[${tls.clientRootCa}]`,
    });
    expect(caOperationsTlsConfig(node, tls)).toEqual({
      enabled: true,
      certfile: tls.server.cert,
      keyfile: tls.server.key,
      clientAuthRequired: true,
      clientCACertFiles: [tls.clientRootCa],
    });
    expect(operationsHealth(node, 9444, tls)).toEqual({
      kind: 'https',
      url: 'https://10.0.0.5:9444/healthz',
      ...tls.probe,
    });
  });
});
