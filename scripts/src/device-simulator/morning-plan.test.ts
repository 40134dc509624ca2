import { BIN_ID_PATTERN, RFID_TAG_PATTERN, SITE_ID_PATTERN } from '../../../chaincode/src/contract';
import { Minutes, morningStart, planMorning, seededRandom, weightOf } from './morning-plan';
import { progressLine } from './simulate-command';

describe('planMorning', () => {
  const plan = planMorning('AB12', 120);

  it('names sites, bins and devices the chaincode and the CA accept, unique per run', () => {
    const sites = [...plan.stations, plan.transfer, plan.incinerator, plan.recycler];
    expect(sites.map((site) => site.siteId).every((id) => SITE_ID_PATTERN.test(id))).toBe(true);
    expect(
      plan.bins.every((bin) => BIN_ID_PATTERN.test(bin.binId) && RFID_TAG_PATTERN.test(bin.rfidTag)),
    ).toBe(true);
    expect(new Set(plan.bins.map((bin) => bin.rfidTag)).size).toBe(plan.bins.length);
    const names = Object.values(plan.devices)
      .flat()
      .map((device) => device.name);
    expect(names.every((name) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(8);
    expect(planMorning('CD34', 120).stations[0]?.siteId).not.toBe(plan.stations[0]?.siteId);
  });

  it('spreads the bags over the three stations, from their own bins, with a few from the wrong one', () => {
    expect([0, 1, 2].map((station) => plan.scans.filter((scan) => scan.station === station).length)).toEqual([
      40, 40, 40,
    ]);
    for (const scan of plan.scans) {
      const bin = plan.bins.find((candidate) => candidate.binId === scan.binId);
      expect(bin?.siteId).toBe(plan.stations[scan.station]?.siteId);
      expect(scan.weightGrams).toBeGreaterThanOrEqual(600);
      expect(scan.weightGrams).toBeLessThan(3000);
    }
    const wrongBin = plan.scans.filter((scan) => scan.binId.endsWith('-B2')).length;
    expect(wrongBin).toBeGreaterThan(0);
    expect(wrongBin).toBeLessThan(30);
  });

  it('plans truck A past the first two stations only, so the third load is off its route', () => {
    expect(plan.routeA).toEqual([plan.stations[0]?.siteId, plan.stations[1]?.siteId, plan.transfer.siteId]);
    expect(plan.routeA).not.toContain(plan.stations[2]?.siteId);
  });

  it('plays the same morning for the same run id', () => {
    expect(planMorning('AB12', 120)).toEqual(plan);
    expect(seededRandom('X')()).toBe(seededRandom('X')());
  });

  it.each([
    ['ab12', 120],
    ['AB12', 5],
    ['AB12', 1001],
    ['AB12', 12.5],
  ])('refuses run %s with %d bags', (run, bags) => {
    expect(() => planMorning(run, bags)).toThrow();
  });

  it('adds up scanned weights', () => {
    expect(weightOf(plan, [0, 1])).toBe(
      (plan.scans[0]?.weightGrams ?? 0) + (plan.scans[1]?.weightGrams ?? 0),
    );
  });
});

describe('morningStart', () => {
  const now = new Date('2026-12-04T04:00:00Z');
  it.each([
    [240, 240 + 70 + 10],
    [10, Minutes.recycler + 10],
  ])(
    'with a %i-minute deadline starts %i minutes back: ends by now, the lost load past its deadline',
    (deadline, back) => {
      const start = morningStart(now, deadline);
      expect((now.getTime() - start.getTime()) / 60_000).toBe(back);
      const lostLoad = start.getTime() + (Minutes.loads[2] ?? 0) * 60_000;
      expect(now.getTime() - lostLoad).toBeGreaterThan(deadline * 60_000);
      expect(start.getTime() + Minutes.recycler * 60_000).toBeLessThanOrEqual(now.getTime());
    },
  );
});

describe('progressLine', () => {
  it.each([
    [0, 10, '[..............................] 0/10 start'],
    [5, 10, '[###############...............] 5/10 start'],
    [10, 10, '[##############################] 10/10 start'],
  ])('%i of %i', (done, total, line) => {
    expect(progressLine(done, total, 'start')).toBe(line);
  });
});
