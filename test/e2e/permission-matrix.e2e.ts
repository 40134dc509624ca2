import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Contract } from '@hyperledger/fabric-gateway';
import { demoUsers } from '../../scripts/src';
import { contractOf, type DomainContract } from '../support/contracts';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, type GatewayProcess, startGateway } from '../support/gateway-process';
import * as calls from '../support/hostile/chaincode-calls';
import * as ids from '../support/hostile/identifiers';
import {
  DEMO_USERS,
  type DemoUser,
  WRITE_ENDPOINTS,
  type WriteEndpoint,
  type LedgerProbe,
} from '../support/hostile/endpoints';
import { errorCode, errorFormatProblem, type RawAnswer, send } from '../support/hostile/http';
import {
  gatewayAttempts,
  type Observer,
  observedContract,
  openObserver,
} from '../support/hostile/ledger-snapshot';

// Every write endpoint of shared/API.md × every demo user's token and no token, through the real
// gateway: only the allowed pairs get through the role checks; the others answer 401/403 in the error
// format without the gateway trying a transaction, and what the body would have created is absent.
// Then the chaincode itself: the same writes sent straight to the responsible department's peer with
// the wrong demo identities are refused there with FORBIDDEN (the second check API.md promises).

// A domain answer an allowed caller may get for the fresh, never-seen identifiers we send.
const DOMAIN_STATUSES = new Set([201, 404, 409, 422]);

describe('permission matrix', () => {
  let gateway: GatewayProcess;
  let observer: Observer;
  let dbDir: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    tokens = apiTokens();
    observer = await openObserver();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-matrix-'));
    gateway = await startGateway('permission-matrix', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    observer?.connection.close();
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  const observed = (name: DomainContract): Contract => observedContract(observer, name);

  /** One cell: the call, its table entry, and what is wrong with it. */
  async function cell(endpoint: WriteEndpoint, caller: DemoUser | undefined): Promise<[string, string[]]> {
    const request = endpoint.make();
    const token = caller ? tokens[caller] : undefined;
    if (caller && !token) throw new Error(`no token for ${caller} in api-tokens.json`);
    const attemptsBefore = await gatewayAttempts(gateway.baseUrl);
    const answer = await send(gateway.baseUrl, {
      method: 'POST',
      path: request.path,
      body: request.body,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const attempts = (await gatewayAttempts(gateway.baseUrl)) - attemptsBefore;
    const where = `${endpoint.name} as ${caller ?? '(none)'}`;
    const entry = `${answer.status}${errorCode(answer) ? ` ${errorCode(answer)}` : ''}`;
    const problems: string[] = [];
    const format = errorFormatProblem(answer);
    if (format) problems.push(`${where}: ${format}`);
    if (caller !== undefined && endpoint.allowed.includes(caller)) {
      if (!DOMAIN_STATUSES.has(answer.status)) problems.push(`${where}: allowed but ${answer.text}`);
      return [entry, problems];
    }
    problems.push(...(await refusalProblems(where, caller, answer, attempts, request.probe)));
    return [entry, problems];
  }

  /** A refused call: 401 without a token, 403 with one, no transaction tried, nothing created. */
  async function refusalProblems(
    where: string,
    caller: DemoUser | undefined,
    answer: RawAnswer,
    attempts: number,
    probe: LedgerProbe | undefined,
  ): Promise<string[]> {
    const problems: string[] = [];
    const [status, code] = caller ? [403, 'FORBIDDEN'] : [401, 'UNAUTHENTICATED'];
    if (answer.status !== status || errorCode(answer) !== code) {
      problems.push(`${where}: expected ${status} ${code}, got ${answer.status} ${answer.text}`);
    }
    if (attempts !== 0) problems.push(`${where}: refused, yet the gateway tried ${attempts} transaction(s)`);
    if (probe && (await calls.read(observed, probe)) !== undefined) {
      problems.push(`${where}: refused, yet ${probe.transaction}(${probe.args.join(', ')}) exists`);
    }
    return problems;
  }

  it('lets only the allowed roles through the gateway; the others get 401/403 and write nothing', async () => {
    const callers: (DemoUser | undefined)[] = [undefined, ...DEMO_USERS];
    const problems: string[] = [];
    const table: string[][] = [['endpoint', ...callers.map((c) => c ?? '(none)')]];
    for (const endpoint of WRITE_ENDPOINTS) {
      const row = [endpoint.name];
      for (const caller of callers) {
        const [entry, found] = await cell(endpoint, caller);
        row.push(entry);
        problems.push(...found);
      }
      table.push(row);
    }
    console.log(`permission matrix (HTTP status and error code):\n${formatTable(table)}`);
    expect(problems).toEqual([]);
  }, 300_000);

  describe('the chaincode refuses the wrong demo identities on the responsible peer', () => {
    const connections = new Map<string, OrgConnection>();
    let channel: string;

    beforeAll(async () => {
      const t = await topology();
      channel = t.channel;
      for (const { user, mspId } of demoUsers)
        connections.set(user, connectAsEnrolled(findOrg(t, mspId), user));
    });

    afterAll(() => connections.forEach((connection) => connection.close()));

    const contractAs = (user: string, name: DomainContract): Contract => {
      const connection = connections.get(user);
      if (!connection) throw new Error(`no connection for ${user}`);
      return contractOf(connection.gateway.getNetwork(channel), name);
    };

    // For each domain several wrong roles, from other departments and from the same one (UrbanMSP's
    // four roles are one organisation: only the role attribute tells them apart).
    const cases: { name: string; make: () => calls.ChaincodeWrite; wrong: DemoUser[] }[] = [
      {
        name: 'realestate Register',
        make: () => calls.firstRegistration(),
        wrong: ['tax-officer', 'market-clerk', 'urban-inspector', 'station-operator'],
      },
      {
        name: 'deedtax RecordDeedTaxClearance',
        make: () => calls.deedTaxClearance(),
        wrong: ['registry-clerk', 'market-clerk', 'hauler'],
      },
      {
        name: 'business OpenCase',
        make: () => calls.openCase(),
        wrong: ['registry-clerk', 'tax-officer', 'hauler'],
      },
      {
        name: 'business ChangeLicenseStatus',
        make: () => calls.changeLicenseStatus(),
        wrong: ['tax-officer', 'registry-clerk', 'urban-inspector'],
      },
      {
        name: 'businesstax CompleteTaxStep',
        make: () => calls.completeTaxStep(ids.uscc()),
        wrong: ['market-clerk', 'registry-clerk', 'urban-inspector'],
      },
      {
        name: 'waste RegisterSite',
        make: () => calls.registerSite(),
        wrong: ['registry-clerk', 'market-clerk', 'station-operator', 'hauler', 'facility-operator'],
      },
      {
        name: 'waste CommissionBags',
        make: () => calls.commissionBags(),
        wrong: ['station-operator', 'facility-operator', 'tax-officer'],
      },
      {
        name: 'waste RecordScans',
        make: () => calls.recordScan(ids.barcode(), ids.siteId('ST')),
        wrong: ['urban-inspector', 'hauler', 'market-clerk'],
      },
    ];

    it.each(cases)('$name', async ({ make, wrong }) => {
      const problems: string[] = [];
      for (const user of wrong) {
        const write = make();
        let outcome = 'endorsed';
        try {
          await calls.proposal(contractAs(user, write.contract), write, [write.responsibleMsp]).endorse();
        } catch (error) {
          outcome = calls.errorText(error);
        }
        if (!outcome.includes('"code":"FORBIDDEN"')) problems.push(`${user}: ${outcome.slice(0, 400)}`);
        const record = await calls.read((name) => contractAs('registry-clerk', name), write.probe);
        if (record !== undefined) problems.push(`${user}: ${write.probe.transaction} found a record`);
      }
      expect(problems).toEqual([]);
    });
  });
});

function formatTable(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | '))
    .join('\n');
}
