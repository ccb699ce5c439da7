/**
 * @module The benchmark harness: `npm run bench [-- <name>…] [--json] [--scale 0.01]`.
 * Every figure is a ratio against a baseline measured in the same run on the same machine,
 * printed beside the raw numbers. Nothing here runs in `npm test`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR } from "./lib/child";
import type { BenchOptions, ScenarioResult } from "./lib/scenario";
import { formatTable } from "./lib/format-table";
import { SCENARIOS } from "./scenarios";

function parseArgs(argv: string[]) {
  const names: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") flags.set("json", "1");
    else if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=");
      flags.set(key!, inline ?? argv[++i] ?? "");
    } else names.push(a);
  }
  return { names, flags };
}

async function main() {
  const { names, flags } = parseArgs(process.argv.slice(2));
  const json = flags.has("json");
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(", ")}; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  const chosen = names.length > 0 ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const workDir = join(BENCH_DIR, "results", "work");
  mkdirSync(workDir, { recursive: true });
  const options: BenchOptions = {
    scale: Number(flags.get("scale") ?? 1),
    seed: Number(flags.get("seed") ?? 20250801),
    workDir,
    durationSec: Number(flags.get("duration") ?? 10),
    // The figure: 10,000 messages, ~5.6 min at 30/s.
    dispatchCount: Number(flags.get("count") ?? 10_000),
    // The kill run only needs a random point to kill at and a restart; 2,000 keeps the whole run under 15 minutes.
    killRunCount: Number(flags.get("kill-count") ?? 0) || Math.min(Number(flags.get("count") ?? 10_000), 2_000),
    // With --json, progress goes to stderr so stdout ends with the one JSON object.
    log: (line) => (json ? process.stderr : process.stdout).write(line + "\n"),
  };
  const scenarios: Record<string, ScenarioResult | { error: string; wallSeconds: number }> = {};
  const runStarted = performance.now();
  for (const s of chosen) {
    options.log(`▶ ${s.name}: ${s.describe}`);
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    try {
      // How long the scenario took in all (data building, baseline, subject): the whole run has a 15-minute budget.
      scenarios[s.name] = { ...(await s.run(options)), wallSeconds: seconds() };
    } catch (err) {
      scenarios[s.name] = { error: err instanceof Error ? err.message : String(err), wallSeconds: seconds() };
    }
    options.log(`  ${JSON.stringify(scenarios[s.name])}`);
  }
  const report = {
    scenarios,
    machine: {
      node: process.version,
      cpus: (await import("node:os")).cpus().length,
      loadAverage: (await import("node:os")).loadavg().map((n) => Math.round(n * 100) / 100),
      scale: options.scale,
      seed: options.seed,
      at: new Date().toISOString(),
      totalSeconds: Math.round((performance.now() - runStarted) / 1000),
    },
  };
  mkdirSync(join(BENCH_DIR, "results"), { recursive: true });
  writeFileSync(join(BENCH_DIR, "results", "latest.json"), JSON.stringify(report, null, 2) + "\n");
  options.log(formatTable(scenarios));
  options.log(`whole run: ${report.machine.totalSeconds} s`);
  if (json) console.log(JSON.stringify(report));
  if (Object.values(scenarios).some((r) => "error" in r)) process.exitCode = 1;
}

await main();
