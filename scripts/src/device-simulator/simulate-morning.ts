// A morning of the city's waste chain driven through the real gateway, each step by the device or
// person that does it: station scanners scan bags from registered bins, truck A's weighing unit
// reports three loads (the third at a station off its planned route, a load that then never
// arrives), the hauler corrects a misread weighing, the transfer station's weighbridge receives the
// first two loads, truck B's unit takes them on, and two facilities' weighbridges record the final
// outcomes (the recycler's reading light). What the ledger flagged is collected into the report.

import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { shanghaiDay } from '../../../chaincode/src/contract';
import { GatewayAnswerError, type GatewayClient } from './gateway-client';
import {
  at,
  type DeviceSpec,
  Minutes,
  morningStart,
  type MorningPlan,
  planMorning,
  weightOf,
} from './morning-plan';

export interface SimulationOptions {
  readonly client: GatewayClient;
  /** API tokens of the people: the urban inspector who sets the morning up and the hauler. */
  readonly people: { readonly inspector: string; readonly hauler: string };
  /** Enrols one device bound to a vehicle or site and answers its API token. */
  readonly enrolDevice: (name: string, binding: DeviceBinding) => Promise<string>;
  readonly run: string;
  readonly bags: number;
  readonly now?: Date;
  readonly districtCode?: string;
  readonly onProgress?: (done: number, total: number, step: string) => void;
}

export type DeviceBinding = { readonly vehicleId: string } | { readonly siteId: string };

export interface LoadReport {
  readonly loadId: string;
  readonly stationId: string;
  readonly vehicleId: string;
  readonly bags: number;
  readonly anomalies: readonly string[];
}

export interface ArrivalReport {
  readonly deliveryId: string;
  readonly siteId: string;
  readonly receivedWeightGrams: number;
  readonly expectedWeightGrams: number;
  readonly anomalies: readonly string[];
}

export interface MorningReport {
  readonly run: string;
  readonly plan: MorningPlan;
  readonly vehicles: { readonly truckA: string; readonly truckB: string };
  readonly devices: readonly { readonly name: string; readonly binding: DeviceBinding }[];
  readonly barcodes: readonly string[];
  readonly scans: { readonly accepted: number; readonly rejected: number };
  /** Truck A's three loads (stations 1–3), then truck B's from the transfer station. */
  readonly loads: readonly LoadReport[];
  readonly correction: { readonly loadId: string; readonly correctedWeightGrams: number };
  readonly arrivals: {
    readonly transfer: ArrivalReport;
    readonly incinerator: ArrivalReport;
    readonly recycler: ArrivalReport;
  };
  /** Bags that went station → transfer station → facility, and those on the load that never arrived. */
  readonly viaTransfer: readonly string[];
  readonly neverArrived: readonly string[];
  /** Loads the index lists as OVERDUE (none of their bags arrived within the deadline). */
  readonly overdueLoads: readonly string[];
  /** Every anomaly the ledger flagged this morning, by type, plus LOAD_NOT_ARRIVED from the index. */
  readonly anomalies: Readonly<Record<string, number>>;
}

/** Sites, trucks, bins, devices, the batch, scans, loads, correction, four arrivals and the index check. */
const STEPS_BESIDES_ROUTES = 35;
const OVERDUE_WAIT_MS = 90_000;

export async function simulateMorning(options: SimulationOptions): Promise<MorningReport> {
  const config = await options.client.get(options.people.inspector, '/api/v1/waste/config');
  const deadline = Number(config['arrivalDeadlineMinutes'] ?? 240);
  const morning = new Morning(options, morningStart(options.now ?? new Date(), deadline));
  const vehicles = await morning.setUp();
  const tokens = await morning.enrolDevices(vehicles);
  const barcodes = await morning.issueBags();
  const scans = await morning.scan(tokens, barcodes);
  const loads = await morning.collect(tokens, barcodes, vehicles.truckA);
  const correction = await morning.correctMisreadLoad(loads[1]?.loadId ?? '');
  const journey = await morning.transferAndTreat(tokens, barcodes, vehicles);
  const overdueLoads = await morning.overdueLoads(vehicles.truckA, loads[2]?.loadId ?? '');
  const plan = morning.plan;
  return {
    run: plan.run,
    plan,
    vehicles,
    devices: morning.devices.map((device) => ({
      name: device.name,
      binding: morning.bindingOf(device, vehicles),
    })),
    barcodes,
    scans,
    loads: [...loads, journey.departure],
    correction,
    arrivals: journey.arrivals,
    viaTransfer: journey.viaTransfer,
    neverArrived: morning.codes(barcodes, morning.bagsAt(2)),
    overdueLoads,
    anomalies: morning.anomalyCounts(overdueLoads.length),
  };
}

type Tokens = ReadonlyMap<string, string>;
type Trucks = MorningReport['vehicles'];

/** One morning's state: the plan, its start, the progress count and the anomalies seen so far. */
class Morning {
  readonly plan: MorningPlan;
  readonly #client: GatewayClient;
  readonly #options: SimulationOptions;
  readonly #start: Date;
  readonly #district: string;
  readonly #anomalies = new Map<string, number>();
  #done = 0;
  readonly #total: number;

  constructor(options: SimulationOptions, start: Date) {
    this.plan = planMorning(options.run, options.bags);
    this.#client = options.client;
    this.#options = options;
    this.#start = start;
    this.#district = options.districtCode ?? '440103';
    this.#total = STEPS_BESIDES_ROUTES + 2 * routeDays(start).length;
  }

  get devices(): DeviceSpec[] {
    const { devices } = this.plan;
    return [
      devices.truckA,
      devices.truckB,
      ...devices.scanners,
      devices.transfer,
      devices.incinerator,
      devices.recycler,
    ];
  }

  bindingOf(device: DeviceSpec, trucks: Trucks): DeviceBinding {
    return 'vehicle' in device.binding
      ? { vehicleId: device.binding.vehicle === 'A' ? trucks.truckA : trucks.truckB }
      : { siteId: device.binding.siteId };
  }

  bagsAt(station: number): number[] {
    return this.plan.scans.filter((scan) => scan.station === station).map((scan) => scan.bag);
  }

  codes(barcodes: readonly string[], indexes: readonly number[]): string[] {
    return indexes.map((index) => barcodes[index] ?? '');
  }

  anomalyCounts(overdue: number): Record<string, number> {
    const counts = new Map(this.#anomalies);
    if (overdue > 0) counts.set('LOAD_NOT_ARRIVED', overdue);
    return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Sites, the two trucks, the bins and both trucks' routes, as the inspector and the hauler. */
  async setUp(): Promise<Trucks> {
    const { inspector, hauler } = this.#options.people;
    const { plan } = this;
    for (const site of [...plan.stations, plan.transfer, plan.incinerator, plan.recycler]) {
      await this.#client.post(inspector, '/api/v1/waste/sites', { ...site, districtCode: this.#district });
      this.#step(`site ${site.siteId}`);
    }
    const trucks = { truckA: await registerTruck(this.#client, inspector), truckB: '' };
    this.#step(`truck A ${trucks.truckA}`);
    trucks.truckB = await registerTruck(this.#client, inspector);
    this.#step(`truck B ${trucks.truckB}`);
    for (const bin of plan.bins) {
      await this.#client.post(inspector, '/api/v1/waste/bins', bin);
      this.#step(`bin ${bin.binId}`);
    }
    // a route is planned per local day; a morning that crosses midnight in Shanghai needs both days' plans
    for (const day of routeDays(this.#start)) {
      for (const [vehicleId, siteIds] of [
        [trucks.truckA, plan.routeA],
        [trucks.truckB, plan.routeB],
      ] as const) {
        await this.#client.post(hauler, '/api/v1/waste/routes', { vehicleId, day, siteIds });
        this.#step(`route of ${vehicleId} on ${day}`);
      }
    }
    return trucks;
  }

  async enrolDevices(trucks: Trucks): Promise<Tokens> {
    const tokens = new Map<string, string>();
    for (const device of this.devices) {
      tokens.set(device.name, await this.#options.enrolDevice(device.name, this.bindingOf(device, trucks)));
      this.#step(`device ${device.name}`);
    }
    return tokens;
  }

  async issueBags(): Promise<string[]> {
    const barcodes = await commission(
      this.#client,
      this.#options.people.inspector,
      this.#district,
      this.plan,
    );
    this.#step(`${barcodes.length} bags issued`);
    return barcodes;
  }

  /** Each station's scanner reports its bags, with the bin each was taken from. */
  async scan(tokens: Tokens, barcodes: readonly string[]): Promise<MorningReport['scans']> {
    let accepted = 0;
    let rejected = 0;
    for (const [index, station] of this.plan.stations.entries()) {
      const scans = this.plan.scans
        .filter((scan) => scan.station === index)
        .map((scan) => ({
          barcode: barcodes[scan.bag],
          stationId: station.siteId,
          scannedAt: at(this.#start, scan.minute),
          weightGrams: scan.weightGrams,
          quality: scan.quality,
          binId: scan.binId,
        }));
      const scanner = this.plan.devices.scanners[index];
      const answer = await this.#post(scanner, tokens, '/api/v1/waste/scans', { scans });
      accepted += Number(answer['accepted'] ?? 0);
      rejected += ((answer['rejected'] as unknown[] | undefined) ?? []).length;
      this.#count(answer);
      this.#step(`scans at ${station.siteId}`);
    }
    return { accepted, rejected };
  }

  /** Truck A's unit reports a load at each station; the third station is off its route. */
  async collect(tokens: Tokens, barcodes: readonly string[], truckA: string): Promise<LoadReport[]> {
    const loads: LoadReport[] = [];
    for (const [index, station] of this.plan.stations.entries()) {
      const bags = this.bagsAt(index);
      // truck A's scale misreads the second load by 40 %; the hauler corrects it. The others weigh
      // what was scanned, so nothing but the planned mishaps is flagged at any tolerance.
      const weight = Math.round(weightOf(this.plan, bags) * (index === 1 ? 1.4 : 1));
      const answer = await this.#post(this.plan.devices.truckA, tokens, '/api/v1/waste/collections', {
        vehicleId: truckA,
        stationId: station.siteId,
        barcodes: this.codes(barcodes, bags),
        loadWeightGrams: weight,
        collectedAt: at(this.#start, Minutes.loads[index] ?? 0),
      });
      loads.push(loadReport(answer, station.siteId, truckA, bags.length, this.#count(answer)));
      this.#step(`truck A loads at ${station.siteId}`);
    }
    return loads;
  }

  async correctMisreadLoad(loadId: string): Promise<MorningReport['correction']> {
    const correctedWeightGrams = weightOf(this.plan, this.bagsAt(1));
    await this.#client.post(this.#options.people.hauler, `/api/v1/waste/loads/${loadId}/corrections`, {
      correctedWeightGrams,
      reason: '车载称重读数偏高，按站点过磅单更正',
    });
    this.#step('hauler corrects the misread weighing');
    return { loadId, correctedWeightGrams };
  }

  /**
   * The first two loads arrive at the transfer station, leave on truck B and are split between the
   * incinerator and the recycler, whose weighbridge reads light.
   */
  async transferAndTreat(
    tokens: Tokens,
    barcodes: readonly string[],
    trucks: Trucks,
  ): Promise<{ arrivals: MorningReport['arrivals']; departure: LoadReport; viaTransfer: string[] }> {
    const { plan } = this;
    const bags = [...this.bagsAt(0), ...this.bagsAt(1)];
    const weight = weightOf(plan, bags);
    const transfer = await this.#arrive(tokens, plan.devices.transfer, {
      facilityId: plan.transfer.siteId,
      vehicleId: trucks.truckA,
      barcodes: this.codes(barcodes, bags),
      receivedWeightGrams: weight,
      receivedAt: at(this.#start, Minutes.transferArrival),
    });
    this.#step('transfer station receives truck A');
    const answer = await this.#post(plan.devices.truckB, tokens, '/api/v1/waste/collections', {
      vehicleId: trucks.truckB,
      stationId: plan.transfer.siteId,
      barcodes: this.codes(barcodes, bags),
      loadWeightGrams: weight,
      collectedAt: at(this.#start, Minutes.transferDeparture),
    });
    const departure = loadReport(
      answer,
      plan.transfer.siteId,
      trucks.truckB,
      bags.length,
      this.#count(answer),
    );
    this.#step('truck B leaves the transfer station');
    const half = Math.ceil(bags.length / 2);
    const burnt = bags.slice(0, half);
    const incinerator = await this.#arrive(tokens, plan.devices.incinerator, {
      facilityId: plan.incinerator.siteId,
      vehicleId: trucks.truckB,
      barcodes: this.codes(barcodes, burnt),
      receivedWeightGrams: weightOf(plan, burnt),
      outcome: 'INCINERATED',
      receivedAt: at(this.#start, Minutes.incinerator),
    });
    this.#step('incinerator receives truck B');
    const recycled = bags.slice(half);
    const reading = Math.round(weightOf(plan, recycled) * plan.recyclerReadingRatio);
    const recycler = await this.#arrive(tokens, plan.devices.recycler, {
      facilityId: plan.recycler.siteId,
      vehicleId: trucks.truckB,
      barcodes: this.codes(barcodes, recycled),
      receivedWeightGrams: reading,
      outcome: 'RECYCLED',
      recoveredWeightGrams: Math.round(reading * 0.6),
      receivedAt: at(this.#start, Minutes.recycler),
    });
    this.#step('recycler receives truck B');
    return {
      arrivals: { transfer, incinerator, recycler },
      departure,
      viaTransfer: this.codes(barcodes, bags),
    };
  }

  /** Polls the index (bounded) until it lists `loadId` of `vehicleId` as OVERDUE; answers what it lists. */
  async overdueLoads(vehicleId: string, loadId: string): Promise<string[]> {
    const until = Date.now() + OVERDUE_WAIT_MS;
    const query = `vehicleId=${encodeURIComponent(vehicleId)}&status=OVERDUE`;
    for (;;) {
      const page = await this.#client.get(this.#options.people.inspector, `/api/v1/waste/loads?${query}`);
      const ids = ((page['items'] as { loadId: string }[] | undefined) ?? []).map((item) => item.loadId);
      if (ids.includes(loadId) || Date.now() > until) {
        this.#step('index flags the load that never arrived');
        return ids;
      }
      await sleep(1000);
    }
  }

  async #arrive(tokens: Tokens, device: DeviceSpec, body: Record<string, unknown>): Promise<ArrivalReport> {
    const answer = await this.#post(device, tokens, '/api/v1/waste/deliveries', body);
    return {
      deliveryId: String(answer['deliveryId']),
      siteId: String(body['facilityId']),
      receivedWeightGrams: Number(body['receivedWeightGrams']),
      expectedWeightGrams: Number(answer['expectedWeightGrams']),
      anomalies: this.#count(answer),
    };
  }

  async #post(
    device: DeviceSpec | undefined,
    tokens: Tokens,
    path: string,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    return this.#client.post(tokens.get(device?.name ?? '') ?? '', path, body);
  }

  #count(answer: Record<string, unknown>): string[] {
    const types = ((answer['anomalies'] as { type: string }[] | undefined) ?? []).map((a) => a.type);
    types.forEach((type) => this.#anomalies.set(type, (this.#anomalies.get(type) ?? 0) + 1));
    return types;
  }

  #step(label: string): void {
    this.#done += 1;
    this.#options.onProgress?.(this.#done, this.#total, label);
  }
}

/** A random large new-energy plate, drawn again while taken (409). */
async function registerTruck(client: GatewayClient, token: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const vehicleId = `粤A${String(randomInt(0, 100_000)).padStart(5, '0')}D`;
    try {
      await client.post(token, '/api/v1/waste/vehicles', {
        vehicleId,
        companyUscc: '914403001922038216',
        rfidTag: `E2801160${String(randomInt(0, 1e9)).padStart(16, '0')}`,
        capacityKg: 8000,
      });
      return vehicleId;
    } catch (error) {
      if (!(error instanceof GatewayAnswerError && error.status === 409)) throw error;
    }
  }
  throw new Error('ten random plates in a row were taken');
}

async function commission(
  client: GatewayClient,
  token: string,
  districtCode: string,
  plan: MorningPlan,
): Promise<string[]> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    try {
      const batch = await client.post(token, '/api/v1/waste/bag-batches', {
        districtCode,
        category: '02',
        firstSerial: randomInt(1, 900_000_000),
        count: plan.scans.length,
        householdRef: `模拟住户-${plan.run}`,
      });
      return batch['barcodes'] as string[];
    } catch (error) {
      if (!(error instanceof GatewayAnswerError && error.status === 409)) throw error;
    }
  }
  throw new Error('ten random serial ranges in a row were taken');
}

function loadReport(
  answer: Record<string, unknown>,
  stationId: string,
  vehicleId: string,
  bags: number,
  anomalies: string[],
): LoadReport {
  return { loadId: String(answer['loadId']), stationId, vehicleId, bags, anomalies };
}

/** The local days of truck A's loads: the days its route must be planned for. */
function routeDays(start: Date): string[] {
  // at() writes ISO-8601 in UTC, whose day can always be told
  return [...new Set(Minutes.loads.map((minute) => shanghaiDay(at(start, minute)) ?? ''))];
}
