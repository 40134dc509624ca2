import { randomBytes } from 'node:crypto';
import { common } from '@hyperledger/fabric-protos';
import {
  organisationCodeCheck,
  residentIdCheckCharacter,
  usccCheckCharacter,
  Transactions,
} from '../../chaincode/src/contract';
import { contractOf, type DomainContract } from '../support/contracts';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';

// "Personal data never appears in plain text on the shared ledger": write a
// real-estate registration, a business case and a bag batch carrying personal
// data (as transient data, as the contracts require), and a mortgage and a
// seizure whose particulars (description, secured amount, court order) are
// private, then read every block of the channel and look for all of it in
// the raw bytes.

const stamp = String(Date.now()).slice(-8);
const residentId = (first17: string): string => `${first17}${residentIdCheckCharacter(first17)}`;
function uscc(): string {
  const organisation = `${stamp}`.padStart(8, '0');
  const first17 = `91440101${organisation}${organisationCodeCheck(organisation)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

const holder = { name: '测试欧阳明', idNumber: residentId(`44010619800101${stamp.slice(-3)}`), share: '1/1' };
const representative = { name: '测试司马光', idNumber: residentId(`11010519700505${stamp.slice(-3)}`) };
const householdRef = `广州市越秀区测试路${stamp}号 户主王测试`;
const salt = (): string => randomBytes(16).toString('hex');
// a registration act's private particulars (chaincode realestate/particulars.ts), as the gateway sends them
const particulars = {
  description: `坐落: 越秀区隐私测试路${stamp}号; 附记: 抵押期限 2026-01-01 至 2046-01-01`,
  courtOrder: `(2026)粤0104执${stamp}号`,
  securedAmountFen: `7${stamp}`,
};

describe('no personal data in plain text in any block', () => {
  const connections: OrgConnection[] = [];
  let channel: string;

  beforeAll(async () => {
    const t = await topology();
    channel = t.channel;
    connections.push(
      connectAsEnrolled(findOrg(t, 'RegistryMSP'), 'registry-clerk'),
      connectAsEnrolled(findOrg(t, 'MarketMSP'), 'market-clerk'),
      connectAsEnrolled(findOrg(t, 'UrbanMSP'), 'urban-inspector'),
    );
  });

  afterAll(() => connections.forEach((connection) => connection.close()));

  const contract = (index: number, name: DomainContract) => {
    const connection = connections[index];
    if (!connection) throw new Error('not connected');
    return contractOf(connection.gateway.getNetwork(channel), name);
  };

  it('writes the three kinds of personal data and finds none of it in the blocks', async () => {
    const encode = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
    const unitNumber = `440184001016GB${stamp.slice(-5)}F${stamp}`;
    // the registry's secret key for its private holder index (base64, as the gateway sends it)
    const holderLookupPepper = Buffer.from(randomBytes(32).toString('base64'));
    const register = (request: object, transientData: Record<string, Uint8Array>) =>
      contract(0, 'realestate').submit(Transactions.realestate.Register, {
        arguments: [JSON.stringify({ unitNumber, ...request })],
        transientData: { holderLookupPepper, ...transientData },
      });
    await register(
      { type: 'FIRST', certificateNumber: `粤(2026)广州市不动产权第${stamp}号` },
      { holders: encode([{ ...holder, salt: salt() }]) },
    );
    await register(
      {
        type: 'MORTGAGE',
        certificateNumber: `粤(2026)广州市不动产证明第${stamp}号`,
        mortgage: { mortgageeName: '测试银行', mortgageeUscc: '914403001922038216' },
      },
      {
        particulars: encode({
          description: particulars.description,
          securedAmountFen: particulars.securedAmountFen,
          salt: salt(),
        }),
      },
    );
    await register(
      { type: 'SEIZURE', court: '广州市越秀区人民法院' },
      { particulars: encode({ courtOrder: particulars.courtOrder, salt: salt() }) },
    );
    await contract(1, 'business').submit(Transactions.business.OpenCase, {
      arguments: [
        JSON.stringify({
          uscc: uscc(),
          name: `测试隐私科技${stamp}有限公司`,
          entityType: 'LIMITED_LIABILITY_COMPANY',
          registeredCapitalCny: '1000000',
          address: '广州市天河区测试路1号',
          businessScope: '软件开发',
        }),
      ],
      transientData: { legalRepresentative: encode({ ...representative, salt: salt() }) },
    });
    await contract(2, 'waste').submit(Transactions.waste.CommissionBags, {
      arguments: [
        JSON.stringify({ districtCode: '440103', category: '02', firstSerial: Number(stamp), count: 2 }),
      ],
      transientData: {
        householdRef: Buffer.from(householdRef, 'utf8'),
        householdSalt: Buffer.from(salt(), 'utf8'),
      },
    });

    const qsccContract = connections[0]?.gateway.getNetwork(channel).getContract('qscc');
    if (!qsccContract) throw new Error('not connected');
    const info = common.BlockchainInfo.deserializeBinary(
      await qsccContract.evaluateTransaction('GetChainInfo', channel),
    );
    const secrets = [
      holder.name,
      holder.idNumber,
      representative.name,
      representative.idNumber,
      householdRef,
      ...Object.values(particulars),
    ];
    const leaks: string[] = [];
    for (let block = 0; block < info.getHeight(); block += 1) {
      const bytes = Buffer.from(
        await qsccContract.evaluateTransaction('GetBlockByNumber', channel, String(block)),
      );
      for (const secret of secrets) {
        if (bytes.includes(Buffer.from(secret, 'utf8'))) leaks.push(`block ${block} contains ${secret}`);
      }
    }
    expect(info.getHeight()).toBeGreaterThan(3);
    expect(leaks).toEqual([]);
  });
});
