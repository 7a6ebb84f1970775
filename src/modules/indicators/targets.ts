/**
 * Target status, the growth still needed and the trend projection. Pure; annual series only.
 *
 * Rules (docs/indicators.md):
 * - goal: 'level' → targetValue; 'multiple' → baseValue × targetValue; 'at_most' → targetValue (lower is better).
 * - the value judged is the latest value at or before the year looked at ("as of").
 * - achieved: the judged value meets the goal (≥ goal; ≤ goal for at_most). Once the target year is
 *   reached, the value of the target year (or the latest before it) decides: achieved or off_track.
 * - trend: geometric mean annual growth from the earliest value within the last 5 years to the latest,
 *   needing a span of at least 3 years; projection = latest × (1 + trend)^(targetYear − latestYear).
 * - before the target year: on_track when the projection meets the goal; at_risk when it falls short by
 *   at most 10% of the goal (exceeds it by at most 10% for at_most) or when there is too little history
 *   for a trend; off_track otherwise.
 * - no_data: no value, or a 'multiple' target without a base value.
 * - required annual growth = (goal / latest)^(1 / (targetYear − latestYear)) − 1, null when achieved,
 *   without data or when the target year has passed.
 */
import type { TargetStatus } from '../../shared/api/indicators.js';

export interface SeriesPoint {
  year: number;
  value: number;
}

export interface TargetSpec {
  kind: 'level' | 'multiple' | 'at_most';
  baseYear: number;
  baseValue: number | null;
  targetYear: number;
  targetValue: number;
}

export interface TargetEvaluation {
  goal: number | null;
  latest: SeriesPoint | null;
  status: TargetStatus;
  requiredAnnualGrowth: number | null;
  trendAnnualGrowth: number | null;
  projectedValue: number | null;
}

export const TREND_WINDOW = 5;
export const TREND_MIN_SPAN = 3;
export const AT_RISK_MARGIN = 0.1;

export function goalOf(t: TargetSpec): number | null {
  if (t.kind === 'multiple') return t.baseValue === null ? null : t.baseValue * t.targetValue;
  return t.targetValue;
}

/** Geometric mean annual growth over the last `window` years (null below `minSpan` years or with non-positive values). */
export function trendGrowth(points: readonly SeriesPoint[], window = TREND_WINDOW, minSpan = TREND_MIN_SPAN): number | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const last = sorted[sorted.length - 1];
  const first = sorted.find((p) => p.year >= last.year - window)!;
  const span = last.year - first.year;
  if (span < minSpan || !(first.value > 0) || !(last.value > 0)) return null;
  return (last.value / first.value) ** (1 / span) - 1;
}

/** (goal / latest)^(1 / years) − 1. */
export function requiredGrowth(latest: number, goal: number, years: number): number | null {
  if (years <= 0 || !(latest > 0) || !(goal > 0)) return null;
  return (goal / latest) ** (1 / years) - 1;
}

export function projection(latest: SeriesPoint, trend: number | null, year: number): number | null {
  if (trend === null) return null;
  return latest.value * (1 + trend) ** (year - latest.year);
}

const meets = (kind: TargetSpec['kind'], v: number, goal: number) => (kind === 'at_most' ? v <= goal : v >= goal);

/** Evaluates a target against an annual series, as of `asOf` (values after it are ignored). */
export function evaluateTarget(t: TargetSpec, series: readonly SeriesPoint[], asOf: number): TargetEvaluation {
  const pts = series.filter((p) => p.year <= asOf && Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  const latest = pts.length ? pts[pts.length - 1] : null;
  const goal = goalOf(t);
  const none: TargetEvaluation = { goal, latest, status: 'no_data', requiredAnnualGrowth: null, trendAnnualGrowth: null, projectedValue: null };
  if (!latest || goal === null) return none;
  const trend = trendGrowth(pts);
  if (latest.year >= t.targetYear) {
    const atTarget = [...pts].reverse().find((p) => p.year <= t.targetYear) ?? latest;
    return { goal, latest, status: meets(t.kind, atTarget.value, goal) ? 'achieved' : 'off_track', requiredAnnualGrowth: null, trendAnnualGrowth: trend, projectedValue: atTarget.value };
  }
  const projected = projection(latest, trend, t.targetYear);
  if (meets(t.kind, latest.value, goal)) return { goal, latest, status: 'achieved', requiredAnnualGrowth: null, trendAnnualGrowth: trend, projectedValue: projected };
  const required = requiredGrowth(latest.value, goal, t.targetYear - latest.year);
  let status: TargetStatus;
  if (projected === null) status = 'at_risk';
  else if (meets(t.kind, projected, goal)) status = 'on_track';
  else if (t.kind === 'at_most' ? projected <= goal * (1 + AT_RISK_MARGIN) : projected >= goal * (1 - AT_RISK_MARGIN)) status = 'at_risk';
  else status = 'off_track';
  return { goal, latest, status, requiredAnnualGrowth: required, trendAnnualGrowth: trend, projectedValue: projected };
}

/** The doubling path: base × 2^((y − baseYear) / (targetYear − baseYear)) for each year. */
export function doublingPath(baseYear: number, baseValue: number, targetYear: number, multiple = 2): { year: number; value: number }[] {
  const out: { year: number; value: number }[] = [];
  for (let y = baseYear; y <= targetYear; y++) out.push({ year: y, value: baseValue * multiple ** ((y - baseYear) / (targetYear - baseYear)) });
  return out;
}
