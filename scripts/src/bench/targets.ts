import { type Measurement } from './measurement';

/** One target of the throughput issue, checked against what the bench measured. */
export interface TargetCheck {
  readonly target: string;
  /** The measured figure, with its unit. */
  readonly measured: string;
  /** The raw-Fabric reference it is compared with, when there is one. */
  readonly reference?: string;
  /** measured ÷ reference, when both are rates. */
  readonly ratio?: number;
  readonly goal: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
}

const rate = (m: Measurement | undefined): string =>
  m === undefined ? 'not measured' : `${m.perSecond.toFixed(1)}/s`;

/** measured/s at least `minimum`/s; `reference` printed beside it with the ratio. */
export function rateTarget(
  target: string,
  measured: Measurement | undefined,
  minimum: number,
  reference?: Measurement,
): TargetCheck {
  return {
    target,
    measured: rate(measured),
    ...referenceOf(measured, reference),
    goal: `≥ ${minimum}/s`,
    met: measured === undefined ? undefined : measured.perSecond >= minimum && (measured.failures ?? 0) === 0,
  };
}

/** measured/s at least `share` of the reference's rate. */
export function ratioTarget(
  target: string,
  measured: Measurement | undefined,
  reference: Measurement | undefined,
  share: number,
): TargetCheck {
  const compared = referenceOf(measured, reference);
  return {
    target,
    measured: rate(measured),
    ...compared,
    goal: `≥ ${Math.round(share * 100)} % of the reference`,
    met:
      compared.ratio === undefined ? undefined : compared.ratio >= share && (measured?.failures ?? 0) === 0,
  };
}

/** A rate and a p99 latency bound together (the citizens' checks). */
export function latencyTarget(
  target: string,
  measured: Measurement | undefined,
  minimum: number,
  p99Ms: number,
): TargetCheck {
  return {
    target,
    measured: measured === undefined ? 'not measured' : `${rate(measured)}, p99 ${measured.p99Ms ?? '?'} ms`,
    goal: `≥ ${minimum}/s at p99 ≤ ${p99Ms} ms`,
    met:
      measured === undefined
        ? undefined
        : measured.perSecond >= minimum &&
          (measured.p99Ms ?? Infinity) <= p99Ms &&
          (measured.failures ?? 0) === 0,
  };
}

/** A figure that must stay at or below `maximum` (time per scan, lag, memory). */
export function ceilingTarget(
  target: string,
  value: number | undefined,
  unit: string,
  maximum: number,
): TargetCheck {
  return {
    target,
    measured: value === undefined ? 'not measured' : `${value.toFixed(unit === 'ms' ? 3 : 1)} ${unit}`,
    goal: `≤ ${maximum} ${unit}`,
    met: value === undefined ? undefined : value <= maximum,
  };
}

function referenceOf(
  measured: Measurement | undefined,
  reference: Measurement | undefined,
): { reference?: string; ratio?: number } {
  if (reference === undefined) return {};
  const ratio =
    measured === undefined || reference.perSecond === 0
      ? undefined
      : measured.perSecond / reference.perSecond;
  return { reference: `${reference.name}: ${rate(reference)}`, ...(ratio === undefined ? {} : { ratio }) };
}

/** The targets as a Markdown table. */
export function renderTargets(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | undefined): string =>
    met === undefined ? 'not measured' : met ? 'met' : 'NOT met';
  return [
    '| target | measured | raw-Fabric reference | ratio | goal | verdict |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${c.target} | ${c.measured} | ${c.reference ?? ''} | ${c.ratio === undefined ? '' : c.ratio.toFixed(2)} | ${c.goal} | ${verdict(c.met)} |`,
    ),
  ].join('\n');
}
