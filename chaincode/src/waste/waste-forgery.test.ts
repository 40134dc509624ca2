import '../testing/quiet-logs';
import { OrgMsps, Roles } from '../common/access';
import { commitEndorsedBy } from '../testing/endorsement-simulation';
import { WasteWorld, bag, scan } from '../testing/waste-fixtures';

// The waste definition's chaincode-level policy is UrbanMSP's peer alone: a waste write endorsed by
// any other department is invalid at commit, whatever chaincode that department's peer ran, for a
// new key as for an existing one (no key-level policy is involved).
describe('WasteContract against forged endorsements', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.site('LW-ST-001');
    await world.commission(1, 10);
  });

  it('invalidates a scan endorsed only by the tax bureau and records nothing', async () => {
    const forged = world.transaction(Roles.StationOperator);
    await world.contract.RecordScans(forged.ctx, JSON.stringify({ scans: [scan(bag(1))] }));
    expect(commitEndorsedBy(world.ledger, forged, [OrgMsps.Tax])).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
    });
    expect(world.ledger.stateKeys().filter((key) => key.includes('waste-bag-event'))).toEqual([]);
  });

  it('commits the same scan endorsed by urban management', async () => {
    const genuine = world.transaction(Roles.StationOperator);
    await world.contract.RecordScans(genuine.ctx, JSON.stringify({ scans: [scan(bag(1))] }));
    expect(commitEndorsedBy(world.ledger, genuine, [OrgMsps.Urban])).toMatchObject({
      validationCode: 'VALID',
    });
    expect(world.ledger.stateKeys().filter((key) => key.includes('waste-bag-event'))).toHaveLength(1);
  });
});
