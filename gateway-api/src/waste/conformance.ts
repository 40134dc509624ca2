/**
 * The conformance rate of the station statistics and the daily totals alike: conformant bags over the
 * bags checked (conformant + non-conformant), rounded to 4 places. UNCHECKED bags say nothing about
 * sorting, so they are left out of the rate rather than counted as failures; null when none was checked.
 */
export function conformanceRate(conformant: number, nonConformant: number): number | null {
  const checked = conformant + nonConformant;
  return checked === 0 ? null : Math.round((conformant / checked) * 10_000) / 10_000;
}
