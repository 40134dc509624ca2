// The morning the device simulator plays, decided before any request is sent: which sites, bins and
// devices exist, when each step happens, what every bag weighs and which bin it came from, and the
// three things that go wrong on purpose (a load off the truck's route that never arrives, a recycler
// weighbridge reading light, a few bags from a bin of the wrong category). Pure and seeded, so a test
// can check the plan without a network and a rerun with the same seed plays the same morning.

export const STATION_COUNT = 3;
export const MAX_SIMULATED_BAGS = 1000;

/** Minutes after the start of the morning at which each step happens. */
export const Minutes = {
  scans: 0,
  loads: [40, 55, 70],
  transferArrival: 90,
  transferDeparture: 110,
  incinerator: 130,
  recycler: 150,
} as const;

/** The morning must end by now, and the lost load must be older than the arrival deadline. */
export function morningStart(now: Date, arrivalDeadlineMinutes: number): Date {
  const lostLoadAt = Minutes.loads[STATION_COUNT - 1] ?? 0;
  const minutesBack = Math.max(arrivalDeadlineMinutes + lostLoadAt + 10, Minutes.recycler + 10);
  return new Date(now.getTime() - minutesBack * 60_000);
}

export function at(start: Date, minutes: number): string {
  return new Date(start.getTime() + minutes * 60_000).toISOString();
}

export interface SiteSpec {
  readonly siteId: string;
  readonly kind: 'STATION' | 'TRANSFER' | 'FACILITY';
  readonly name: string;
}

export interface BinSpec {
  readonly binId: string;
  readonly siteId: string;
  readonly category: '02' | '04';
  readonly rfidTag: string;
}

export interface DeviceSpec {
  /** The device's user name at the CA and in the tokens file. */
  readonly name: string;
  readonly binding: { readonly vehicle: 'A' | 'B' } | { readonly siteId: string };
}

export interface BagScanSpec {
  /** Index of the bag in the commissioned batch. */
  readonly bag: number;
  readonly station: number;
  readonly weightGrams: number;
  readonly quality: 'CONFORMANT' | 'NON_CONFORMANT';
  readonly binId: string;
  readonly minute: number;
}

export interface MorningPlan {
  readonly run: string;
  readonly stations: readonly SiteSpec[];
  readonly transfer: SiteSpec;
  readonly incinerator: SiteSpec;
  readonly recycler: SiteSpec;
  readonly bins: readonly BinSpec[];
  readonly devices: {
    readonly truckA: DeviceSpec;
    readonly truckB: DeviceSpec;
    readonly scanners: readonly DeviceSpec[];
    readonly transfer: DeviceSpec;
    readonly incinerator: DeviceSpec;
    readonly recycler: DeviceSpec;
  };
  readonly scans: readonly BagScanSpec[];
  /** Truck A's planned route: the first two stations and the transfer station (not the third). */
  readonly routeA: readonly string[];
  readonly routeB: readonly string[];
  /** What the recycler's weighbridge reads, as a share of what left (a 25 % light reading). */
  readonly recyclerReadingRatio: number;
}

/** A small seeded generator (mulberry32): the same run string gives the same morning. */
export function seededRandom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `run`: 4 to 6 upper-case letters or digits naming this morning's sites and devices. */
export function planMorning(run: string, bagCount: number): MorningPlan {
  if (!/^[A-Z0-9]{4,6}$/.test(run))
    throw new Error(`run id ${run} must be 4 to 6 upper-case letters or digits`);
  if (!Number.isSafeInteger(bagCount) || bagCount < STATION_COUNT * 2 || bagCount > MAX_SIMULATED_BAGS) {
    throw new Error(`the morning needs ${STATION_COUNT * 2} to ${MAX_SIMULATED_BAGS} bags, not ${bagCount}`);
  }
  const random = seededRandom(run);
  const lower = run.toLowerCase();
  const site = (suffix: string, kind: SiteSpec['kind'], name: string): SiteSpec => ({
    siteId: `SIM-${run}-${suffix}`,
    kind,
    name: `${name}（模拟 ${run}）`,
  });
  const stations = Array.from({ length: STATION_COUNT }, (_unused, index) =>
    site(`ST${index + 1}`, 'STATION', `模拟收集点${index + 1}`),
  );
  const transfer = site('TR', 'TRANSFER', '模拟中转站');
  const incinerator = site('FA1', 'FACILITY', '模拟焚烧厂');
  const recycler = site('FA2', 'FACILITY', '模拟资源回收厂');
  const bins = stations.flatMap((station, index) =>
    (['02', '04'] as const).map((category, n) => ({
      binId: `${station.siteId}-B${n + 1}`,
      siteId: station.siteId,
      category,
      rfidTag: rfidTag(run, index * 2 + n),
    })),
  );
  const scans: BagScanSpec[] = Array.from({ length: bagCount }, (_unused, bag) => {
    const station = bag % STATION_COUNT;
    // one bag in fifteen is dropped into the residual-waste bin: flagged BIN_CATEGORY_MISMATCH
    const wrongBin = random() < 1 / 15;
    return {
      bag,
      station,
      weightGrams: 600 + Math.floor(random() * 2400),
      quality: random() < 0.1 ? 'NON_CONFORMANT' : 'CONFORMANT',
      binId: bins[station * 2 + (wrongBin ? 1 : 0)]?.binId ?? '',
      minute: Minutes.scans + Math.floor(random() * 30),
    };
  });
  const device = (suffix: string, binding: DeviceSpec['binding']): DeviceSpec => ({
    name: `sim-${lower}-${suffix}`,
    binding,
  });
  return {
    run,
    stations,
    transfer,
    incinerator,
    recycler,
    bins,
    devices: {
      truckA: device('truck-a', { vehicle: 'A' }),
      truckB: device('truck-b', { vehicle: 'B' }),
      scanners: stations.map((station, index) => device(`scanner-${index + 1}`, { siteId: station.siteId })),
      transfer: device('transfer-scale', { siteId: transfer.siteId }),
      incinerator: device('fa1-scale', { siteId: incinerator.siteId }),
      recycler: device('fa2-scale', { siteId: recycler.siteId }),
    },
    scans,
    routeA: [stations[0]?.siteId ?? '', stations[1]?.siteId ?? '', transfer.siteId],
    routeB: [transfer.siteId, incinerator.siteId, recycler.siteId],
    recyclerReadingRatio: 0.75,
  };
}

/** An EPC-96 tag id, unique per run and bin. */
function rfidTag(run: string, index: number): string {
  const hex = [...run].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `E2${hex}${index.toString(16)}`.toUpperCase().padEnd(24, '0').slice(0, 24);
}

/** Sum of the scanned weights of the bags at `indexes`. */
export function weightOf(plan: MorningPlan, indexes: readonly number[]): number {
  return indexes.reduce((sum, index) => sum + (plan.scans[index]?.weightGrams ?? 0), 0);
}
