import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { selfSignedCa, tlsCertificate } from '../lib/testing/openssl-certificates';
import { Supervisor } from '../process/supervisor';
import { currentCrl, identityAttributes, revoke } from './ca-client';
import { prepareCaHome } from './ca-home';
import { caServerSpec, fabricCaBinary } from './ca-process';
import { caFiles, type CaSite } from './ca-site';
import {
  certificateAttributes,
  isCurrentlyIssuedBy,
  keyMatchesCertificate,
  organizationalUnits,
} from './certificate';
import { serialOf } from './channel-crl';
import { crlFacts, crlIssuedBy } from './crl';
import { enrollUser, hasCurrentEnrollment } from './enrollment';

// A REAL fabric-ca-server from the binaries cache, on free loopback ports, with a
// throwaway signing CA and TLS CA made here with openssl. `npm test` builds Fabric CA
// before the unit tests, so missing binaries are a failure, not a skip.
const host = '127.0.0.1';
const binaries = [fabricCaBinary('fabric-ca-server'), fabricCaBinary('fabric-ca-client')];
const slow = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const openssl = (args: string[], cwd: string): string =>
  execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('a real Fabric CA', () => {
  let dir: string;
  let site: CaSite;
  let supervisor: Supervisor;

  beforeAll(async () => {
    const missing = binaries.filter((file) => !existsSync(file));
    if (missing.length > 0) {
      throw new Error(
        `the Fabric CA binaries are not in the cache (${missing.join(', ')}): run \`npm run fabric:build\` (\`npm test\` builds them before the unit tests)`,
      );
    }
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-fabric-ca-'));
    selfSignedCa(dir, 'ca', '/O=test.govtrace.local/CN=ca.test.govtrace.local');
    selfSignedCa(dir, 'tlsca', '/O=test.govtrace.local/CN=tlsca.test.govtrace.local');
    tlsCertificate(dir, 'tls', 'tlsca', 'serverAuth', ['localhost']);
    site = {
      name: 'ca-test',
      host,
      port: await freePort(),
      operationsPort: await freePort(),
      home: path.join(dir, 'home'),
      signing: { cert: path.join(dir, 'ca.pem'), key: path.join(dir, 'ca.key') },
      tls: { cert: path.join(dir, 'tls.pem'), key: path.join(dir, 'tls.key') },
      tlsRootCert: path.join(dir, 'tlsca.pem'),
      organization: 'test.govtrace.local',
      // on loopback the operations endpoint stays plain HTTP: these are not used
      operationsTls: {
        server: { cert: path.join(dir, 'tls.pem'), key: path.join(dir, 'tls.key') },
        clientRootCa: path.join(dir, 'tlsca.pem'),
        probe: {
          ca: path.join(dir, 'tlsca.pem'),
          cert: path.join(dir, 'tls.pem'),
          key: path.join(dir, 'tls.key'),
        },
      },
    };
    supervisor = new Supervisor(path.join(dir, 'pids'), path.join(dir, 'logs'));
    await prepareCaHome(site);
    await supervisor.ensureStarted(caServerSpec(site));
  }, slow);

  afterAll(async () => {
    await supervisor?.stopAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, slow);

  it('keeps the generated bootstrap password owner-only and out of the command line', async () => {
    const files = caFiles(site);
    const password = readFileSync(files.adminPassword, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const file of [files.adminPassword, files.config]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(site.home).mode & 0o777).toBe(0o700);
    const pid = (await supervisor.state('ca-test')).pid;
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(password);
    // A second start of the same home keeps the password the database was initialised with.
    await prepareCaHome(site);
    expect(readFileSync(files.adminPassword, 'utf8').trim()).toBe(password);
  });

  it(
    'enrolls a client with its role in the certificate, signed by the org CA',
    async () => {
      const files = await enrollUser(site, 'clerk-one', 'registry_clerk', path.join(dir, 'ids', 'clerk-one'));
      const pem = readFileSync(files.certificatePath, 'utf8');
      const text = openssl(['x509', '-in', files.certificatePath, '-noout', '-text'], dir);
      expect(text).toContain('1.2.3.4.5.6.7.8.1:');
      expect(text).toContain('"govtrace.role":"registry_clerk"');
      expect(text).toMatch(/Subject: O ?= ?test\.govtrace\.local, OU ?= ?client, CN ?= ?clerk-one/);
      expect(text).toMatch(/Key Usage: critical\s+Digital Signature\s/);
      expect(text).not.toContain('Subject Alternative Name');
      expect(new X509Certificate(pem).subject.split('\n')).toContain('OU=client');
      expect(organizationalUnits(pem)).toEqual(['client']);
      expect(certificateAttributes(pem)).toMatchObject({
        'govtrace.role': 'registry_clerk',
        'hf.EnrollmentID': 'clerk-one',
        'hf.Type': 'client',
      });
      expect(isCurrentlyIssuedBy(pem, readFileSync(site.signing.cert))).toBe(true);
      expect(keyMatchesCertificate(pem, readFileSync(files.privateKeyPath))).toBe(true);
      expect(statSync(files.privateKeyPath).mode & 0o777).toBe(0o600);
      expect(await hasCurrentEnrollment(site, files, 'registry_clerk')).toBe(true);
      expect(await hasCurrentEnrollment(site, files, 'tax_officer')).toBe(false);
      // As after `down --purge`: the org's CA is a new one, so the enrollment is stale.
      const otherCa = { ...site, signing: { ...site.signing, cert: path.join(dir, 'tlsca.pem') } };
      expect(await hasCurrentEnrollment(otherCa, files, 'registry_clerk')).toBe(false);
    },
    slow,
  );

  it(
    'enrolls again a user the CA knows already, when its files were lost',
    async () => {
      const target = path.join(dir, 'ids', 'clerk-one');
      const before = new X509Certificate(readFileSync(path.join(target, 'cert.pem'))).serialNumber;
      rmSync(target, { recursive: true });
      const files = await enrollUser(site, 'clerk-one', 'registry_clerk', target);
      const after = new X509Certificate(readFileSync(files.certificatePath));
      expect(after.serialNumber).not.toBe(before);
      expect(certificateAttributes(after.raw)?.['govtrace.role']).toBe('registry_clerk');
    },
    slow,
  );

  it(
    'enrolls a device with its binding beside its role; a CJK plate comes back unchanged',
    async () => {
      const plate = '粤A12345';
      expect(identityAttributes('vehicle_device', { vehicleId: plate })).toBe(
        `govtrace.role=vehicle_device:ecert,govtrace.vehicle=${plate}:ecert`,
      );
      const target = path.join(dir, 'ids', 'truck-one');
      const files = await enrollUser(site, 'truck-one', 'vehicle_device', target, { vehicleId: plate });
      const pem = readFileSync(files.certificatePath);
      expect(certificateAttributes(pem)).toMatchObject({
        'govtrace.role': 'vehicle_device',
        'govtrace.vehicle': plate,
      });
      // the extension's JSON carries the plate's UTF-8 bytes themselves
      expect(new X509Certificate(pem).raw.includes(Buffer.from(`"govtrace.vehicle":"${plate}"`))).toBe(true);
      expect(await hasCurrentEnrollment(site, files, 'vehicle_device', { vehicleId: plate })).toBe(true);
      expect(await hasCurrentEnrollment(site, files, 'vehicle_device', { vehicleId: '粤A54321' })).toBe(
        false,
      );
      expect(await hasCurrentEnrollment(site, files, 'vehicle_device', { siteId: 'LW-ST-001' })).toBe(false);

      // Files lost and the unit moved to another truck: the CA knows the name, so `identity modify`
      // sets the new attributes (the recovery path), and the new certificate names the new plate.
      rmSync(target, { recursive: true });
      const again = await enrollUser(site, 'truck-one', 'vehicle_device', target, { vehicleId: '京AD12345' });
      expect(certificateAttributes(readFileSync(again.certificatePath))?.['govtrace.vehicle']).toBe(
        '京AD12345',
      );

      const scanner = await enrollUser(
        site,
        'scanner-one',
        'site_device',
        path.join(dir, 'ids', 'scanner-one'),
        {
          siteId: 'LW-ST-001',
        },
      );
      expect(certificateAttributes(readFileSync(scanner.certificatePath))).toMatchObject({
        'govtrace.role': 'site_device',
        'govtrace.site': 'LW-ST-001',
      });
    },
    slow,
  );

  it(
    'revokes a user and writes a CRL, signed by the org CA, listing its certificates',
    async () => {
      const cert = new X509Certificate(readFileSync(path.join(dir, 'ids', 'clerk-one', 'cert.pem')));
      const crl = await revoke(site, 'clerk-one');
      expect(crl).toBe(caFiles(site).crl);
      const text = openssl(['crl', '-in', crl, '-noout', '-text'], dir);
      expect(text).toContain('Issuer: O = test.govtrace.local, CN = ca.test.govtrace.local');
      expect(text.replace(/\s/g, '')).toContain(cert.serialNumber.toUpperCase().replace(/^0+/, ''));
      openssl(['crl', '-in', crl, '-noout', '-CAfile', site.signing.cert], dir); // verifies the signature
    },
    slow,
  );

  it(
    "gives a CRL the channel's MSP can use: the CA's key identifier, signed by it, listing the user; again the same",
    async () => {
      const serial = serialOf(readFileSync(path.join(dir, 'ids', 'clerk-one', 'cert.pem')));
      const first = crlFacts(readFileSync(caFiles(site).crl));
      expect(first.revokedSerials).toContain(serial);
      expect(crlIssuedBy(first, readFileSync(site.signing.cert))).toBe(true);
      const again = crlFacts(readFileSync(await currentCrl(site)));
      expect(again.revokedSerials).toEqual(first.revokedSerials);
      expect(again.authorityKeyId).toBe(first.authorityKeyId);
    },
    slow,
  );
});
