import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type HealthCheck, probe } from './health';

// The https probe `network status` and the supervisor use for an operations endpoint off loopback:
// a real TLS handshake on 127.0.0.1 with a server that, like Fabric's, requires a client certificate
// of one CA. Keys and certificates are made here with openssl.

const openssl = (args: string[], cwd: string): void => {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
};
const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function ca(dir: string, name: string): void {
  openssl(
    [
      'req',
      '-x509',
      ...newKey,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    ].concat(['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']),
    dir,
  );
}

function leaf(dir: string, name: string, issuer: string, usage: 'serverAuth' | 'clientAuth'): void {
  openssl(
    ['req', '-new', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`],
    dir,
  );
  writeFileSync(
    path.join(dir, `${name}.ext`),
    `subjectAltName=IP:127.0.0.1\nextendedKeyUsage=${usage}\nkeyUsage=critical,digitalSignature\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-CAcreateserial',
    ].concat(['-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]),
    dir,
  );
}

describe('the https health probe', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-health-'));
    ca(dir, 'tlsca');
    ca(dir, 'otherca');
    leaf(dir, 'server', 'tlsca', 'serverAuth');
    leaf(dir, 'admin', 'tlsca', 'clientAuth');
    leaf(dir, 'stranger', 'otherca', 'clientAuth');
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
