import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { status as GrpcStatus } from '@grpc/grpc-js';

import {
  changeCannotReplaceHolders,
  clearanceNotRecorded,
  Transactions,
} from '../../../chaincode/src/contract';
import { gatewayError } from '../../test/support/fabric-errors';
import { type Principal } from '../auth/principal';
import { RuleViolationError } from '../common/errors';
import { mapFabricError } from '../fabric/fabric-errors';
import { type LedgerCall, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { type CreateRegistrationDto } from './dto/create-registration.dto';
import { HolderLookupKey } from './holder-lookup-key';
import { RealEstateService } from './real-estate.service';

/** A chaincode error as the peer wraps it in an evaluate failure. */
const chaincodeResponseOf = (error: Error): string =>
  `evaluate call to endorser returned error: chaincode response 500, ${error.message}`;
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const decode = (value: string | Uint8Array | undefined): unknown =>
  JSON.parse(typeof value === 'string' ? value : new TextDecoder().decode(value));

/** Records every call and answers from queues, as the real adapter would after commit. */
class FakeLedger implements LedgerClient {
  readonly submitted: { user: string; call: LedgerCall }[] = [];
  readonly evaluated: { user: string; call: LedgerCall }[] = [];
  constructor(
    private readonly submitAnswer: unknown,
    /** One answer for every evaluation, or an answer per call. */
    private readonly evaluateAnswer: unknown = {},
  ) {}

  submit(user: string, call: LedgerCall): Promise<SubmitResult> {
    this.submitted.push({ user, call });
    return Promise.resolve({ txId: 'tx-1', blockNumber: 7n, result: json(this.submitAnswer) });
  }

  evaluate(user: string, call: LedgerCall): Promise<Uint8Array> {
    this.evaluated.push({ user, call });
    const answer: unknown =
      typeof this.evaluateAnswer === 'function'
        ? (this.evaluateAnswer as (call: LedgerCall) => unknown)(call)
        : this.evaluateAnswer;
    return Promise.resolve(json(answer));
  }
}

const KEY = Buffer.alloc(32, 9);
const PEPPER = KEY.toString('base64');
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'govtrace-re-service-')), 'holder-lookup.key');
writeFileSync(keyFile, KEY, { mode: 0o600 });
const newService = (ledger: LedgerClient): RealEstateService =>
  new RealEstateService(ledger, new HolderLookupKey(keyFile));

const clerk: Principal = { user: 'registry-clerk', mspId: 'RegistryMSP', role: 'registry_clerk' };
const officer: Principal = { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' };
const UNIT = '440184001016GB00009F00800039';
const ID = '11010519491231002X';
const SALT = /^[0-9a-f]{32}$/;
const registered = {
  registrationId: `${UNIT}-00000001`,
  unitNumber: UNIT,
  sequence: 1,
  type: 'FIRST',
  certificateNumber: '粤(2026)广州市不动产权第09400110号',
  certificateContentHash: 'ab'.repeat(32),
  certificateChanges: [],
  unitStatus: 'REGISTERED',
};

/** The verification code as the clerk prints it. */
const PRINTED_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

describe('RealEstateService', () => {
  it('draws a new verification code per certificate, and none for an act without a certificate', async () => {
    const ledger = new FakeLedger(registered);
    const service = newService(ledger);
    const issue = (serial: string) =>
      service.register(clerk, {
        type: 'CHANGE',
        unitNumber: UNIT,
        certificateNumber: `粤(2026)广州市不动产权第${serial}号`,
        description: '面积更正',
      });
    const codes = [(await issue('09400111')).verificationCode, (await issue('09400112')).verificationCode];
    expect(new Set(codes).size).toBe(2);
    const seized = await newService(new FakeLedger({ ...registered, certificateNumber: null })).register(
      clerk,
      {
        type: 'SEIZURE',
        unitNumber: UNIT,
        court: '广州市越秀区人民法院',
        courtOrder: '(2026)粤0106执保123号',
      },
    );
    expect(seized).not.toHaveProperty('verificationCode');
    expect(ledger.submitted.every(({ call }) => call.transient?.verificationCode !== undefined)).toBe(true);
  });

  it('maps a FIRST registration: public request and property in args, holders and remarks in transient only', async () => {
    const ledger = new FakeLedger(registered);
    const dto: CreateRegistrationDto = {
      type: 'FIRST',
      unitNumber: UNIT.toLowerCase(),
      certificateNumber: '粤（2026）广州市不动产权第09400110号',
      holders: [
        { name: ' 张三 ', idNumber: ID.toLowerCase(), share: '1/2' },
        { name: '李四', idNumber: '110105194912310109', share: '1/2' },
      ],
      property: { location: '某路1号', areaM2: 89.5, usage: '住宅' },
      remarks: '首次',
    };
    const answer = await newService(ledger).register(clerk, dto);

    expect(answer).toEqual({
      registrationId: `${UNIT}-00000001`,
      unitNumber: UNIT,
      certificateNumber: registered.certificateNumber,
      certificateContentHash: registered.certificateContentHash,
      verificationCode: expect.stringMatching(PRINTED_CODE) as string,
      unitStatus: 'REGISTERED',
      txId: 'tx-1',
      blockNumber: 7,
    });
    const [{ user, call }] = ledger.submitted as [{ user: string; call: LedgerCall }];
    // the code printed for the clerk is the one sent (salted) to the chaincode, in transient data only
    const sent = decode(call.transient?.verificationCode) as { code: string; salt: string };
    expect(sent).toEqual({
      code: answer.verificationCode?.replace('-', ''),
      salt: expect.stringMatching(SALT) as string,
    });
    expect(String(call.args[0])).not.toContain(sent.code);
    expect(user).toBe('registry-clerk');
    expect(call).toMatchObject({
      contract: 'realestate',
      transaction: 'Register',
      endorsingOrgs: ['RegistryMSP'],
    });
    expect(decode(call.args[0])).toEqual({
      unitNumber: UNIT,
      type: 'FIRST',
      certificateNumber: '粤（2026）广州市不动产权第09400110号',
      // public structured particulars; the area as a two-decimal string
      property: { location: '某路1号', areaM2: '89.50', usage: '住宅' },
    });
    // no personal data and no private particulars in the arguments, which land in the block
    expect(String(call.args[0])).not.toMatch(/张三|110105|首次/i);
    expect(decode(call.transient?.particulars)).toEqual({
      remarks: '首次',
      salt: expect.stringMatching(SALT) as string,
    });
    expect(call.transient?.holderLookupPepper).toBe(PEPPER);
    // the key file is a raw key from before versions: version 1
    expect(call.transient?.holderLookupKeyVersion).toBe('1');
    const holders = decode(call.transient?.holders) as { salt: string }[];
    expect(holders).toEqual([
      { name: '张三', idNumber: ID, share: '1/2', salt: expect.stringMatching(SALT) as string },
      {
        name: '李四',
        idNumber: '110105194912310109',
        share: '1/2',
        salt: expect.stringMatching(SALT) as string,
      },
    ]);
    expect(holders[0]?.salt).not.toBe(holders[1]?.salt);
    expect(ledger.evaluated).toEqual([]);
  });

  it('maps a MORTGAGE: the mortgagee and term in the public request, the amount in fen as a private particular', async () => {
    const ledger = new FakeLedger({ ...registered, type: 'MORTGAGE' });
    await newService(ledger).register(clerk, {
      type: 'MORTGAGE',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产证明第0001234号',
      mortgage: {
        mortgagee: '某银行',
        mortgageeUscc: '91350100m000100y43',
        amountCny: 1000000.1,
        term: { from: '2026-01-01', to: '2046-01-01' },
      },
    });
    const call = ledger.submitted[0]?.call;
    expect(call?.transient).toEqual({
      holderLookupPepper: PEPPER,
      holderLookupKeyVersion: '1',
      particulars: expect.any(String) as string,
      verificationCode: expect.any(String) as string,
    });
    expect(decode(call?.args[0])).toEqual({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: '粤(2026)广州市不动产证明第0001234号',
      mortgage: {
        mortgageeName: '某银行',
        mortgageeUscc: '91350100M000100Y43',
        term: { from: '2026-01-01', to: '2046-01-01' },
      },
    });
    expect(decode(call?.transient?.particulars)).toEqual({
      securedAmountFen: '100000010',
      salt: expect.stringMatching(SALT) as string,
    });
  });

  it('passes a CORRECTION’s basis on in the public request; the corrected holders go in transient only', async () => {
    const ledger = new FakeLedger({ ...registered, type: 'CORRECTION' });
    await newService(ledger).register(clerk, {
      type: 'CORRECTION',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      description: '权利人登记错误',
      correctionBasis: { kind: 'COURT_DECISION', reference: ' (2026)粤0106民初77号 ' },
      holders: [{ name: '王五', idNumber: ID, share: '1/1' }],
    });
    const call = ledger.submitted[0]?.call;
    expect(decode(call?.args[0])).toEqual({
      unitNumber: UNIT,
      type: 'CORRECTION',
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      correctionBasis: { kind: 'COURT_DECISION', reference: '(2026)粤0106民初77号' },
    });
    expect(String(call?.args[0])).not.toContain('王五');
    expect(decode(call?.transient?.particulars)).toMatchObject({ description: '权利人登记错误' });
    expect(decode(call?.transient?.holders)).toEqual([
      { name: '王五', idNumber: ID, share: '1/1', salt: expect.stringMatching(SALT) as string },
    ]);
  });

  it('leaves the holder rules to the chaincode: a CHANGE carrying holders is submitted and its 422 answered', async () => {
    const ledger = new FakeLedger(registered);
    const refusal = changeCannotReplaceHolders();
    ledger.submit = (user, call) => {
      ledger.submitted.push({ user, call });
      return Promise.reject(
        mapFabricError(gatewayError('endorse', GrpcStatus.ABORTED, chaincodeResponseOf(refusal))),
      );
    };
    const error: unknown = await newService(ledger)
      .register(clerk, {
        type: 'CHANGE',
        unitNumber: UNIT,
        certificateNumber: '粤(2026)广州市不动产权第09400111号',
        description: '权利人变更',
        holders: [{ name: '王五', idNumber: ID, share: '1/1' }],
      })
      .catch((rejected: unknown) => rejected);
    expect(ledger.submitted).toHaveLength(1);
    expect(error).toBeInstanceOf(RuleViolationError);
    const refused = error as RuleViolationError;
    expect([refused.getStatus(), refused.code, refused.message]).toEqual([
      422,
      'RULE_VIOLATION',
      refusal.reason,
    ]);
    expect(refused.details).toEqual([expect.objectContaining({ field: 'transient.holders' })]);
  });

  it('fetches the clearance salts for a TRANSFER as the clerk and matches them by ID number', async () => {
    const clearanceSalt = 'c'.repeat(32);
    const ledger = new FakeLedger(
      { ...registered, type: 'TRANSFER' },
      { clearanceNumber: 'QS-1', unitNumber: UNIT, transferees: [{ idNumber: ID, salt: clearanceSalt }] },
    );
    await newService(ledger).register(clerk, {
      type: 'TRANSFER',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      deedTaxClearanceNumber: 'QS-1',
      mortgageeConsentReference: 'C-1',
      holders: [{ name: '王五', idNumber: ID.toLowerCase(), share: '1/1' }],
    });
    expect(ledger.evaluated).toEqual([
      {
        user: 'registry-clerk',
        call: { contract: 'deedtax', transaction: 'GetDeedTaxClearanceTransferees', args: [UNIT, 'QS-1'] },
      },
    ]);
    const call = ledger.submitted[0]?.call;
    expect(decode(call?.args[0])).toMatchObject({
      deedTaxClearanceNumber: 'QS-1',
      mortgageeConsentReference: 'C-1',
    });
    expect(decode(call?.transient?.holders)).toEqual([
      {
        name: '王五',
        idNumber: ID,
        share: '1/1',
        salt: expect.stringMatching(SALT) as string,
        clearanceSalt,
      },
    ]);
  });

  it('refuses a TRANSFER to someone the clearance does not name, before submitting', async () => {
    const ledger = new FakeLedger(registered, {
      clearanceNumber: 'QS-1',
      unitNumber: UNIT,
      transferees: [{ idNumber: ID, salt: 'c'.repeat(32) }],
    });
    const attempt = newService(ledger).register(clerk, {
      type: 'TRANSFER',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      deedTaxClearanceNumber: 'QS-1',
      holders: [{ name: '王五', idNumber: '110105194912310109', share: '1/1' }],
    });
    await expect(attempt).rejects.toThrow(RuleViolationError);
    await expect(attempt).rejects.toMatchObject({ details: [{ field: 'holders.0.idNumber' }] });
    expect(ledger.submitted).toEqual([]);
  });

  it('answers a TRANSFER naming a clearance never recorded with the chaincode’s 422, before submitting', async () => {
    const ledger = new FakeLedger(registered);
    // what the clerk's peer answers GetDeedTaxClearanceTransferees, through the real error mapping
    const refusal = clearanceNotRecorded(UNIT, 'QS-2026-000123');
    ledger.evaluate = (user, call) => {
      ledger.evaluated.push({ user, call });
      return Promise.reject(
        mapFabricError(gatewayError('query', GrpcStatus.UNKNOWN, chaincodeResponseOf(refusal))),
      );
    };
    const attempt = newService(ledger).register(clerk, {
      type: 'TRANSFER',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      deedTaxClearanceNumber: 'QS-2026-000123',
      holders: [{ name: '王五', idNumber: ID, share: '1/1' }],
    });
    const error: unknown = await attempt.catch((rejected: unknown) => rejected);
    expect(error).toBeInstanceOf(RuleViolationError);
    const refused = error as RuleViolationError;
    expect([refused.getStatus(), refused.code, refused.message]).toEqual([
      422,
      'RULE_VIOLATION',
      refusal.reason,
    ]);
    expect(refused.details).toEqual([expect.objectContaining({ field: 'deedTaxClearanceNumber' })]);
    expect(refused.message).not.toMatch(/peer/i);
    expect(ledger.submitted).toEqual([]);
  });

  it('records a deed-tax clearance as the tax officer: receipt number as clearance number, transferees transient', async () => {
    const ledger = new FakeLedger({ clearanceNumber: 'QS-1', unitNumber: UNIT, titleVersion: 1 });
    const answer = await newService(ledger).recordDeedTaxClearance(officer, {
      unitNumber: UNIT,
      transfereeIdNumbers: [ID.toLowerCase()],
      receiptNumber: 'QS-1',
      taxPaidCny: 30000,
    });
    expect(answer).toEqual({
      clearanceNumber: 'QS-1',
      unitNumber: UNIT,
      titleVersion: 1,
      txId: 'tx-1',
      blockNumber: 7,
    });
    const { user, call } = ledger.submitted[0] ?? {};
    expect(user).toBe('tax-officer');
    expect(call).toMatchObject({ transaction: 'RecordDeedTaxClearance', endorsingOrgs: ['TaxMSP'] });
    // the tax paid in whole fen, as a string: no binary fraction reaches the ledger
    expect(decode(call?.args[0])).toEqual({
      unitNumber: UNIT,
      clearanceNumber: 'QS-1',
      taxPaidFen: '3000000',
    });
    expect(decode(call?.transient?.transferees)).toEqual([
      { idNumber: ID, salt: expect.stringMatching(SALT) as string },
    ]);
  });

  it('reads a unit and its history from the ledger as the caller', async () => {
    const ledger = new FakeLedger({}, (call: LedgerCall) =>
      call.transaction === Transactions.realestate.GetUnitHistory
        ? { unitNumber: UNIT, registrations: [] }
        : { unitNumber: UNIT, status: 'REGISTERED' },
    );
    const service = newService(ledger);
    await expect(service.unit(clerk, UNIT.toLowerCase())).resolves.toEqual({
      unitNumber: UNIT,
      status: 'REGISTERED',
    });
    await service.history(clerk, UNIT);
    expect(ledger.evaluated.map(({ call }) => [call.transaction, call.args])).toEqual([
      ['GetUnit', [UNIT]],
      ['GetUnitHistory', [UNIT]],
    ]);
  });

  it('searches the units of a resident ID with the pepper as transient data, the canonical ID as argument', async () => {
    const unit = {
      unitNumber: UNIT,
      status: 'REGISTERED',
      titleCertificate: '粤(2026)广州市不动产权第09400110号',
      holdersSequence: 1,
      mortgaged: false,
      seized: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const ledger = new FakeLedger({}, { units: [unit] });
    await expect(newService(ledger).holderUnits(clerk, ID.toLowerCase())).resolves.toEqual({ units: [unit] });
    expect(ledger.evaluated).toEqual([
      {
        user: 'registry-clerk',
        call: {
          contract: 'realestate',
          transaction: 'FindUnitsByHolder',
          args: [ID],
          transient: { holderLookupPepper: PEPPER },
        },
      },
    ]);
    const malformed = new FakeLedger({}, { units: [{ ...unit, holdersSequence: '1' }] });
    await expect(newService(malformed).holderUnits(clerk, ID)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('answers 500 when the chaincode answers something that is not a JSON object', async () => {
    const ledger = new FakeLedger({}, ['not', 'an', 'object']);
    await expect(newService(ledger).unit(clerk, UNIT)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
