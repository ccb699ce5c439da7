/**
 * @module What `bhyt shards split` (Node files) and `bhyt d1 split` (D1 exports) share before
 * any copy: the parts read from the arguments, the units that move and the plan, and how a
 * refusal or the plan is reported.
 */
import type Database from "better-sqlite3";
import { SHARD_KEY, provinceOfShard, provinceOfUnitCode } from "../../core/shards/shard-keys";
import { fail, succeed, type CliIo } from "../cli-io";
import { splitPlan, splitUnits, unruledTables, type Assignment, type SplitPlanRow, type SplitUnits } from "./shard-split";

export const isPart = (key: string) => SHARD_KEY.exec(key)?.[2] !== undefined;

/** `--prefix 79-02 --prefix 79-03` or `--prefix 79-02,79-03`. */
export function prefixList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(values.flatMap((v: string) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
}

export const describePlan = (rows: readonly SplitPlanRow[]) =>
  rows.map((r) => (r.kind === "replicated" ? `${r.table} ${r.rows} (=)` : `${r.table} ${r.moving}→ ${r.rows - r.moving}`)).join(", ");

/** Why a split cannot go ahead, as the command reports it. */
export interface SplitRefusal {
  code: "bad_request" | "conflict" | "not_found";
  key: string;
  args: Record<string, string | number>;
  data?: Record<string, unknown>;
}

/**
 * The two parts of a split from the arguments: a whole-province shard (`79`) serves every unit
 * whatever the assignments say, so it cannot stay beside its parts; what does not move becomes
 * part `--rest` (`79_1`). Refused unless both are different parts of the shard's province and
 * the prefixes belong to it.
 */
export function splitParts(from: string, into: string, restArg: unknown, prefixes: string[]): { refusal: SplitRefusal } | { whole: boolean; rest: string; province: string } {
  const whole = !isPart(from);
  const rest = whole ? (typeof restArg === "string" && restArg.trim() !== "" ? restArg.trim() : undefined) : from;
  if (!rest) return { refusal: { code: "bad_request", key: "cli-missing-argument", args: { name: "--rest <shard>" } } };
  const province = provinceOfShard(from);
  if ((!whole && restArg !== undefined && restArg !== from) || into === rest || [into, rest].some((k) => !isPart(k) || provinceOfShard(k) !== province) || prefixes.some((p) => provinceOfUnitCode(p) !== province)) {
    return { refusal: { code: "bad_request", key: "cli-shards-split-parts", args: { from, into, prefix: prefixes.join(", ") } } };
  }
  return { whole, rest, province };
}

/**
 * Which units move and the rows per table, or why the split is refused: the same for a Node
 * part's file and a D1 export (bhyt d1 split). Read as the router will read the assignments
 * after the split: a whole province's units all belong to `rest` first.
 */
export function planSplitOf(
  src: Database.Database,
  assignments: readonly Assignment[],
  s: { from: string; into: string; rest: string; prefixes: string[]; whole: boolean; province: string },
): { refusal: SplitRefusal } | { units: SplitUnits; plan: SplitPlanRow[] } {
  const unruled = unruledTables(src);
  if (unruled.length > 0) return { refusal: { code: "conflict", key: "cli-shards-split-unruled", args: { tables: unruled.join(", ") }, data: { unruled } } };
  const before = s.whole ? [...assignments.filter((a) => a.unitPrefix !== s.province), { unitPrefix: s.province, shardKey: s.rest }] : assignments;
  const units = splitUnits(src, { prefixes: s.prefixes, into: s.into, rest: s.rest, assignments: before });
  const empty = s.prefixes.filter((p) => units.perPrefix[p] === 0);
  if (empty.length > 0 || units.moving.length === 0) return { refusal: { code: "not_found", key: "cli-shards-split-nothing", args: { from: s.from, prefix: (empty.length > 0 ? empty : s.prefixes).join(", ") } } };
  // Data that stays where the router would no longer look is as lost as data deleted.
  if (units.elsewhere.length > 0) {
    return { refusal: { code: "conflict", key: "cli-shards-split-elsewhere", args: { shard: s.rest, codes: units.elsewhere.slice(0, 5).join(", "), count: units.elsewhere.length }, data: { elsewhere: units.elsewhere } } };
  }
  return { units, plan: splitPlan(src, units) };
}

export const refuse = (io: CliIo, r: SplitRefusal) => fail(io, r.code, io.t(io.locale, r.key, r.args), r.data);

/** Without --confirm: the plan, printed and returned. */
export function showPlan(io: CliIo, summary: { from: string; into: string; source: string; target: string; units: number; prefixes: string[] }, plan: readonly SplitPlanRow[]) {
  io.say(io.t(io.locale, "cli-shards-split-plan", { ...summary, prefix: summary.prefixes.join(", ") }));
  io.say(describePlan(plan));
  return succeed(io, { plan: true, ...summary, tables: plan }, io.t(io.locale, "cli-shards-confirm-hint"));
}
