/** @module The shape every benchmark scenario shares, and the options the harness passes in. */

/** One scenario's outcome: `value` against a `baseline` measured in the same run. */
export interface ScenarioResult {
  /** value / baseline, or for absolute goals value / goal (see `goalKind`). */
  ratio: number;
  /** The target: a minimum ratio ("min-ratio") or a maximum value ("max-value"). */
  goal: number;
  goalKind: "min-ratio" | "max-value";
  value: number;
  baseline: number;
  unit: string;
  met: boolean;
  /** Further raw numbers (per-kind rates, RSS, counts) printed beside the headline. */
  [extra: string]: unknown;
}

export interface BenchOptions {
  /** 1 = full scale (1,000,000 cards); 0.01 = 10,000. */
  scale: number;
  /** Seed for every generator, so two runs draw the same rows and requests. */
  seed: number;
  /** Where rosters and temporary databases live (git-ignored). */
  workDir: string;
  /** Load-test duration in seconds (webhook-ingest). */
  durationSec: number;
  /** Messages queued for the dispatch scenario's rate run. */
  dispatchCount: number;
  /** Messages queued for its kill run (killed at a seeded random point, then restarted). */
  killRunCount: number;
  log(line: string): void;
}

export interface Scenario {
  name: string;
  describe: string;
  run(options: BenchOptions): Promise<ScenarioResult>;
}

/** A "higher is better" ratio against a baseline. */
export function minRatio(value: number, baseline: number, goal: number, unit: string, extra: Record<string, unknown> = {}): ScenarioResult {
  const ratio = baseline > 0 ? value / baseline : 0;
  return { ratio: round(ratio, 3), goal, goalKind: "min-ratio", value: round(value, 2), baseline: round(baseline, 2), unit, met: ratio >= goal, ...extra };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
