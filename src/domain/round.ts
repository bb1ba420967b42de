/**
 * Points are sums of fractions such as 1/3; six decimals hide floating-point dust (0.9999999) without
 * changing any score a person can see.
 */
export function roundPoints(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A whole percentage of `part` in `whole`; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
