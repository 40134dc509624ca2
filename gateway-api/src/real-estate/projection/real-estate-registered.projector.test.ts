import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from '../../../test/support/databases';
import { createDataSourceOptions } from '../../index-db/database/data-source-options';
import { Database } from '../../index-db/database/database';
import { type DatabaseConfig } from '../../index-db/database/database-config';

import { MIGRATIONS } from '../../index-db/migrations';
import { CreateRealEstateIndex1795478401000 } from '../entities/1795478401000-create-real-estate-index';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { RealEstateCertificate, RealEstateUnit } from '../entities';
import { RealEstateActsService } from './real-estate-acts.service';
import { RealEstateRegisteredProjector } from './real-estate-registered.projector';

Logger.overrideLogger(false);

const UNIT = '440184001016GB00009F00800039';
const OTHER = '440184001016GB00009F00800040';
const T1 = '粤(2026)广州市不动产权第09400110号';
const T2 = '粤(2026)广州市不动产权第09400111号';
const CLERK = { mspId: 'RegistryMSP', role: 'registry_clerk', id: 'x509::/CN=registry-clerk::/CN=ca' };
const HOLDER = { maskedName: '张*三', idHash: 'a'.repeat(64), share: '1/1' };

/** A RealEstateRegistered event shaped like the chaincode's (register.ts), without private data. */
function registered(
  unitNumber: string,
  sequence: number,
  type: string,
  options: {
    issued?: string;
    changes?: { certificateNumber: string; status: string }[];
    status?: string;
    property?: { location: string; areaM2: string; usage: string };
  },
): LedgerEvent {
  const registrationId = `${unitNumber}-${String(sequence).padStart(8, '0')}`;
  const at = `2026-03-0${sequence}T08:00:00.000Z`;
  const status = options.status ?? 'REGISTERED';
  const certificate =
    options.issued === undefined
      ? null
      : {
          content: {
            certificateNumber: options.issued,
            kind: 'TITLE',
            unitNumber,
            registrationId,
            issuedAt: at,
          },
          contentHash: String(sequence).repeat(64),
          status: 'ACTIVE',
          statusRegistrationId: null,
          statusChangedAt: null,
          holdersSequence: sequence,
        };
  const payload = {
    registration: {
      registrationId,
      unitNumber,
      sequence,
      type,
      registeredAt: at,
      clerk: CLERK,
      certificateNumber: options.issued ?? null,
      certificateContentHash: certificate?.contentHash ?? null,
      certificateChanges: options.changes ?? [],
      holders: [HOLDER],
      unitStatus: status,
      details: {},
    },
    certificate,
    unit: {
      unitNumber,
      status,
      sequence,
      titleVersion: 1,
      holders: [HOLDER],
      holdersSequence: 1,
      titleCertificate: status === 'CANCELLED' ? null : (options.issued ?? T1),
      mortgage: null,
      seizure: null,
      objection: null,
      advanceNotice: null,
      firstRegisteredAt: '2026-03-01T08:00:00.000Z',
      updatedAt: at,
      lastRegistrationId: registrationId,
      ...(options.property !== undefined && { property: options.property }),
    },
  };
  return {
    blockNumber: BigInt(10 + sequence),
    transactionId: `tx-${unitNumber.slice(-2)}-${sequence}`,
    chaincodeName: 'govtrace',
    eventName: 'RealEstateRegistered',
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

/** The gateway's database with the real-estate entities and migration added, as the app will wire it. */
async function open(config: DatabaseConfig): Promise<Database> {
  const options = createDataSourceOptions(config);
  const dataSource = new DataSource({
    ...options,
    entities: options.entities,
    migrations: MIGRATIONS,
  });
  return new Database(await dataSource.initialize());
}

describe.each(TEST_DATABASES)('RealEstateRegisteredProjector on %s', (_name, makeDatabase) => {
  const testDatabase = makeDatabase();
  let database: Database;
  const projector = new RealEstateRegisteredProjector();
  const project = (event: LedgerEvent): Promise<void> =>
    database.transaction((manager) => projector.prepare(event).write(manager));

  beforeAll(() => testDatabase.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => testDatabase.tearDown());
  beforeEach(async () => {
    database = await open(await testDatabase.fresh());
  });
  afterEach(() => database.dataSource.destroy());

  it('the migration builds exactly the schema the entities describe, and reverts', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    // Undo the migrations down to and including ours (later domains' migrations come after it).
    const ours = MIGRATIONS.indexOf(CreateRealEstateIndex1795478401000);
    expect(ours).toBeGreaterThanOrEqual(0);
    for (let undo = MIGRATIONS.length - ours; undo > 0; undo -= 1) {
      await database.dataSource.undoLastMigration();
    }
    const runner = database.dataSource.createQueryRunner();
    expect(await runner.hasTable('re_acts')).toBe(false);
    expect(await runner.hasTable('idempotency_records')).toBe(true);
    await runner.release();
  });

  it('projects acts, certificates and the unit through FIRST → TRANSFER → CANCELLATION', async () => {
    await project(registered(UNIT, 1, 'FIRST', { issued: T1 }));
    await project(
      registered(UNIT, 2, 'TRANSFER', {
        issued: T2,
        changes: [{ certificateNumber: T1, status: 'SUPERSEDED' }],
      }),
    );
    await project(registered(OTHER, 1, 'FIRST', { issued: '粤(2026)广州市不动产权第09400112号' }));
    await project(
      registered(UNIT, 3, 'CANCELLATION', {
        changes: [{ certificateNumber: T2, status: 'CANCELLED' }],
        status: 'CANCELLED',
      }),
    );

    const certificates = await database.run((m) =>
      m
        .getRepository(RealEstateCertificate)
        .find({ where: { unitNumber: UNIT }, order: { certificateNumber: 'ASC' } }),
    );
    expect(certificates).toEqual([
      {
        certificateNumber: T1,
        kind: 'TITLE',
        status: 'SUPERSEDED',
        unitNumber: UNIT,
        registrationId: `${UNIT}-00000001`,
        contentHash: '1'.repeat(64),
        issuedAt: '2026-03-01T08:00:00.000Z',
        statusChangedAt: '2026-03-02T08:00:00.000Z',
      },
      expect.objectContaining({
        certificateNumber: T2,
        status: 'CANCELLED',
        statusChangedAt: '2026-03-03T08:00:00.000Z',
      }),
    ]);
    const unit = await database.run((m) =>
      m.getRepository(RealEstateUnit).findOneByOrFail({ unitNumber: UNIT }),
    );
    expect(unit).toMatchObject({
      status: 'CANCELLED',
      titleCertificate: null,
      sequence: 3,
      txId: 'tx-39-3',
      blockNumber: 13n,
    });
    expect(JSON.parse(unit.holders)).toEqual([HOLDER]);

    const acts = new RealEstateActsService(database);
    const page = await acts.list({ unitNumber: UNIT.toLowerCase(), page: 1, pageSize: 2 });
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page.items.map((act) => [act.type, act.txId, act.blockNumber, act.clerkMspId])).toEqual([
      ['CANCELLATION', 'tx-39-3', 13, 'RegistryMSP'],
      ['TRANSFER', 'tx-39-2', 12, 'RegistryMSP'],
    ]);
    expect((await acts.list({ page: 2, pageSize: 2 })).items.map((act) => act.registrationId)).toEqual([
      // both FIRSTs share block 11 and time: the registration id orders them
      `${OTHER}-00000001`,
      `${UNIT}-00000001`,
    ]);
    expect((await acts.list({})).total).toBe(4);
  });

  it("keeps the unit's location, area and usage, and none for a unit without particulars", async () => {
    const property = { location: '广州市越秀区某路1号801房', areaM2: '89.50', usage: '住宅' };
    await project(registered(UNIT, 1, 'FIRST', { issued: T1, property }));
    await project(registered(OTHER, 1, 'FIRST', { issued: T2 }));
    const row = (unitNumber: string): Promise<RealEstateUnit> =>
      database.run((m) => m.getRepository(RealEstateUnit).findOneByOrFail({ unitNumber }));
    expect(await row(UNIT)).toMatchObject({ location: property.location, areaM2: '89.50', usage: '住宅' });
    expect(await row(OTHER)).toMatchObject({ location: null, areaM2: null, usage: null });
  });

  it('changes nothing when a transaction is delivered again', async () => {
    const first = registered(UNIT, 1, 'FIRST', { issued: T1 });
    await project(first);
    await project(
      registered(UNIT, 2, 'TRANSFER', {
        issued: T2,
        changes: [{ certificateNumber: T1, status: 'SUPERSEDED' }],
      }),
    );
    await project(first);
    const unit = await database.run((m) =>
      m.getRepository(RealEstateUnit).findOneByOrFail({ unitNumber: UNIT }),
    );
    expect(unit).toMatchObject({ sequence: 2, titleCertificate: T2 });
    expect((await new RealEstateActsService(database).list({})).total).toBe(2);
  });

  it('refuses a malformed payload and writes nothing', async () => {
    const bad = {
      ...registered(UNIT, 1, 'FIRST', { issued: T1 }),
      payload: new TextEncoder().encode('{"unit":{}}'),
    };
    await expect(project(bad)).rejects.toThrow(MalformedEventError);
    expect((await new RealEstateActsService(database).list({})).total).toBe(0);
  });
});
