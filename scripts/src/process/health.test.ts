import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { selfSignedCa, tlsCertificate } from '../lib/testing/openssl-certificates';
import { type HealthCheck, probe } from './health';

// The https probe `network status` and the supervisor use for an operations endpoint off loopback:
// a real TLS handshake on 127.0.0.1 with a server that, like Fabric's, requires a client certificate
// of one CA. Keys and certificates are made here with openssl.

describe('the https health probe', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-health-'));
    selfSignedCa(dir, 'tlsca');
    selfSignedCa(dir, 'otherca');
    tlsCertificate(dir, 'server', 'tlsca', 'serverAuth');
    tlsCertificate(dir, 'admin', 'tlsca', 'clientAuth');
    tlsCertificate(dir, 'stranger', 'otherca', 'clientAuth');
    const file = (name: string): Buffer => readFileSync(path.join(dir, name));
    server = createServer(
      {
        cert: file('server.pem'),
        key: file('server.key'),
        ca: file('tlsca.pem'),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        res.statusCode = req.url === '/healthz' ? 200 : 404;
        res.end('{"status":"OK"}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (client: string, trust = 'tlsca'): Extract<HealthCheck, { kind: 'https' }> => ({
    kind: 'https',
    url,
    ca: path.join(dir, `${trust}.pem`),
    cert: path.join(dir, `${client}.pem`),
    key: path.join(dir, `${client}.key`),
  });

  it("is healthy with a client certificate of the endpoint's CA", async () => {
    expect(await probe(check('admin'), 5_000)).toBe(true);
  });

  it('is refused with a client certificate of another CA', async () => {
    expect(await probe(check('stranger'), 5_000)).toBe(false);
  });

  it('does not trust a server certificate of a CA it was not given', async () => {
    expect(await probe(check('admin', 'otherca'), 5_000)).toBe(false);
  });

  it('is unhealthy, not a crash, when its files are missing', async () => {
    expect(await probe({ ...check('admin'), cert: path.join(dir, 'absent.pem') }, 5_000)).toBe(false);
  });
});
