import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GatewayError } from '@hyperledger/fabric-gateway';
import {
  DEVICE_SITE_ATTRIBUTE,
  DEVICE_VEHICLE_ATTRIBUTE,
  type IdentityStore,
  makeBagBarcode,
  Transactions,
} from '../../chaincode/src/contract';
import { certificateAttributes, paths, type PeerOrg, type Topology } from '../../scripts/src';
import { contractOf } from '../support/contracts';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { failure, gatewayText, operatorCommand } from '../support/operator-cli';
import {
  connectAsEnrolled,
  connectAsEnrolledThrough,
  findOrg,
  type OrgConnection,
  topology,
} from '../support/fabric-client';

// Devices as identities on the real network: `devices add` enrols a truck's weighing unit bound to a
// plate with CJK characters and a station scanner bound to a site; the certificates carry role and
// binding; the chaincode reads the binding back exactly (it names the plate when it refuses a report
// for another vehicle); `devices revoke` makes every peer refuse the unit's proposals while the
// scanner goes on working.

const cli = (group: 'devices' | 'users', args: readonly string[]) => operatorCommand(group, args);

function storeEntry(user: string): IdentityStore['users'][number] | undefined {
  const file = path.join(paths.gatewayRoot, 'identities.json');
  const store = JSON.parse(readFileSync(file, 'utf8')) as IdentityStore;
  return store.users.find((entry) => entry.user === user);
}

const decoder = new TextDecoder();

describe('devices as identities', () => {
  const stamp = Date.now().toString(36);
  // a fresh plate and site per run: 粤 + office letter + 5 digits, and a site id nobody registered
  const plate = `粤B${String(Date.now() % 100_000).padStart(5, '0')}`;
  const otherPlate = '京A00001';
  const siteId = `E2E-DEV-${stamp.toUpperCase()}`;
  const truck = `truck-unit-${stamp}`;
  const scanner = `site-scanner-${stamp}`;
  let t: Topology;
  let urban: PeerOrg;
  const opened: OrgConnection[] = [];
  const open = (connection: OrgConnection): OrgConnection => {
    opened.push(connection);
    return connection;
  };
  const waste = (connection: OrgConnection) => contractOf(connection.gateway.getNetwork(t.channel), 'waste');
  /** waste:GetConfig evaluated as `user` through its own org's peer (any member may read it). */
  const configAs = async (user: string): Promise<Record<string, unknown>> => {
    const connection = open(connectAsEnrolled(urban, user));
    const answer = await waste(connection).evaluateTransaction(Transactions.waste.GetConfig);
    return JSON.parse(decoder.decode(answer)) as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await topology();
    urban = findOrg(t, 'UrbanMSP');
  });

  let gateway: GatewayProcess | undefined;
  let dbDir: string | undefined;

  afterAll(async () => {
    for (const connection of opened) connection.close();
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  // A route no device may use (real-estate, registry clerks and tax officers): a device's token is
  // known to the gateway when it answers 403 naming the device's role, unknown when 401.
  const unitRoute = '/api/v1/real-estate/units/440103001001GB00001F00010001';
  let truckToken = '';

  it('`users add` refuses a device role and points at `devices add`', async () => {
    const refused = await cli('users', ['add', `bare-device-${stamp}`, '--role', 'vehicle_device']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('vehicle_device is a device role');
    expect(refused.output).toContain('npm run devices -- add <name> --vehicle <plate>');
    expect(storeEntry(`bare-device-${stamp}`)).toBeUndefined();
  });

  it('`devices add` refuses a plate the chaincode would not take, and enrols nothing', async () => {
    const refused = await cli('devices', ['add', `bad-plate-${stamp}`, '--vehicle', '粤I12345']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('invalid --vehicle: vehicleId must be a mainland plate');
    expect(storeEntry(`bad-plate-${stamp}`)).toBeUndefined();
  });

  it('enrols a weighing unit bound to a CJK plate and a scanner bound to a site, with tokens', async () => {
    const added = await cli('devices', ['add', truck, '--vehicle', plate]);
    expect(added.output).toContain(`added ${truck}: certificate`);
    expect(added.code).toBe(0);
    expect((await cli('devices', ['add', scanner, '--site', siteId])).code).toBe(0);
    expect(storeEntry(truck)).toMatchObject({
      mspId: 'UrbanMSP',
      role: 'vehicle_device',
      revoked: false,
      device: { vehicleId: plate },
    });
    expect(storeEntry(scanner)).toMatchObject({ role: 'site_device', device: { siteId } });
    const tokens = JSON.parse(readFileSync(paths.apiTokensFile, 'utf8')) as Record<string, string>;
    expect(tokens[truck]).toMatch(/^gt_/);
    expect(tokens[scanner]).toMatch(/^gt_/);
    const listed = await cli('devices', ['list']);
    expect(listed.output).toMatch(
      new RegExp(`${truck}\\s+vehicle_device\\s+vehicle ${plate}\\s+active\\s+yes`),
    );
    expect(listed.output).toMatch(new RegExp(`${scanner}\\s+site_device\\s+site ${siteId}\\s+active\\s+yes`));
  });

  it("the gateway takes each device's token as that device", async () => {
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-devices-'));
    gateway = await startGateway('devices', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
    truckToken = apiTokens()[truck] ?? '';
    for (const [token, role] of [
      [truckToken, 'vehicle_device'],
      [apiTokens()[scanner] ?? '', 'site_device'],
    ] as const) {
      const answer = await call(gateway.baseUrl, 'GET', unitRoute, { token });
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).toContain(role);
    }
  });

  it("each certificate's attribute extension carries the role and the binding, the plate in UTF-8", () => {
    const certificateOf = (user: string): Buffer =>
      readFileSync(path.join(paths.identitiesRoot, user, 'cert.pem'));
    const truckCert = certificateOf(truck);
    expect(certificateAttributes(truckCert)).toMatchObject({
      'govtrace.role': 'vehicle_device',
      [DEVICE_VEHICLE_ATTRIBUTE]: plate,
      'hf.EnrollmentID': truck,
    });
    // the extension's JSON holds the plate's own UTF-8 bytes (粤 is e7 b2 a4), not an escape or '?'
    expect(new X509Certificate(truckCert).raw.includes(Buffer.from(`"${plate}"`, 'utf8'))).toBe(true);
    expect(certificateAttributes(certificateOf(scanner))).toMatchObject({
      'govtrace.role': 'site_device',
      [DEVICE_SITE_ATTRIBUTE]: siteId,
    });
  });

  it('the chaincode reads the binding back exactly: the unit may report only for its own plate', async () => {
    const unit = open(connectAsEnrolled(urban, truck));
    const collection = (vehicleId: string): string =>
      JSON.stringify({
        vehicleId,
        stationId: siteId,
        barcodes: [makeBagBarcode('440103', '01', 1)],
        loadWeightGrams: 1000,
        collectedAt: new Date(Date.now() - 60_000).toISOString(),
      });
    // evaluated, never submitted: nothing is written
    const forOther = await failure(
      waste(unit).evaluateTransaction(Transactions.waste.RecordCollection, collection(otherPlate)),
    );
    expect(gatewayText(forOther)).toContain(`this weighing unit belongs to vehicle ${plate}`);
    const forOwn = await failure(
      waste(unit).evaluateTransaction(Transactions.waste.RecordCollection, collection(plate)),
    );
    // past the device check, refused for the site nobody registered
    expect(gatewayText(forOwn)).not.toContain('FORBIDDEN');
    expect(gatewayText(forOwn)).toContain('NOT_FOUND');
  });

  it('the scanner may only scan at its own site', async () => {
    const device = open(connectAsEnrolled(urban, scanner));
    const scanAt = (stationId: string) => ({
      barcode: makeBagBarcode('440103', '01', 2),
      stationId,
      scannedAt: new Date(Date.now() - 60_000).toISOString(),
      weightGrams: 500,
      quality: 'CONFORMANT',
    });
    const answer = JSON.parse(
      decoder.decode(
        await waste(device).evaluateTransaction(
          Transactions.waste.RecordScans,
          JSON.stringify({ scans: [scanAt('LW-ST-001'), scanAt(siteId)] }),
        ),
      ),
    ) as { accepted: number; rejected: { index: number; code: string; message: string }[] };
    expect(answer.accepted).toBe(0);
    expect(answer.rejected).toEqual([
      expect.objectContaining({ index: 0, code: 'NOT_DEVICE_SITE' }),
      expect.objectContaining({ index: 1, code: 'UNKNOWN_SITE' }),
    ]);
    expect(answer.rejected[0]?.message).toContain(`this scanner belongs to ${siteId}`);
  });

  const deniedByPeer = /^error validating proposal: access denied: channel \[\w+\] creator org \[UrbanMSP\]$/;

  it('`devices revoke` revokes the unit as `users revoke` would: every peer refuses its proposals', async () => {
    expect(await configAs(truck)).toHaveProperty('toleranceRatio');

    const refused = await cli('devices', ['revoke', 'hauler']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('hauler is not a device');

    const revoked = await cli('devices', ['revoke', truck]);
    expect(revoked.code).toBe(0);
    expect(revoked.output).toMatch(/UrbanMSP's MSP now holds ca-urban's CRL \(config block \d+/);
    expect(storeEntry(truck)).toMatchObject({ revoked: true, device: { vehicleId: plate } });
    const tokens = JSON.parse(readFileSync(paths.apiTokensFile, 'utf8')) as Record<string, string>;
    expect(tokens[truck]).toBeUndefined();
    if (gateway === undefined) throw new Error('the gateway is started by an earlier test');
    expect((await call(gateway.baseUrl, 'GET', unitRoute, { token: truckToken })).status).toBe(401);

    const refusals: string[] = [];
    for (const org of t.peerOrgs) {
      const through = open(connectAsEnrolledThrough(urban, truck, org));
      const evaluated = await failure(waste(through).evaluateTransaction(Transactions.waste.GetConfig));
      if (!(evaluated instanceof GatewayError))
        throw new Error(`expected a refusal, got ${String(evaluated)}`);
      const detail = evaluated.details.find((d) => d.mspId === org.mspId);
      expect(detail?.message).toMatch(deniedByPeer);
      refusals.push(`${org.mspId}: ${gatewayText(evaluated)}`);
    }
    console.log(`revoked weighing unit's GetConfig, per peer:\n${refusals.join('\n')}`);
  });

  it('the scanner, another device of the org, still works; the list shows the unit revoked', async () => {
    expect(await configAs(scanner)).toHaveProperty('toleranceRatio');
    const listed = await cli('devices', ['list']);
    expect(listed.output).toMatch(
      new RegExp(`${truck}\\s+vehicle_device\\s+vehicle ${plate}\\s+REVOKED\\s+no`),
    );
  });
});
