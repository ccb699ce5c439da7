import { and, count, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, coverageBaselines, people, tallyEntries, targets } from "../../db/schema";
import { runImport, type RowIssue } from "../imports/run-import";
import { targetsImportSpec } from "../imports/targets-import";
import { recordTally } from "../tallies/record-tally";
import { addDays } from "../time/day-math";
import { seededRandom } from "./demo-roster";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_SOURCE, NGOC_PHUNG_TOTAL, NGOC_PHUNG_VILLAGES } from "./ngoc-phung";

/** How many days of synthetic tallies end yesterday. */
export const DEMO_TALLY_DAYS = 28;
/** Marks every figure the demo makes up, so nobody mistakes it for a plan or a report. */
export const DEMO_PROJECTION_NOTE = "Dữ liệu mẫu (dự kiến)";

export interface DemoActivityResult {
  /** Year the activity is for (today's). */
  year: number;
  targets: number;
  baselines: number;
  tallyDays: number;
  warnings: RowIssue[];
}

/**
 * Keeps the demo alive on any date: the seeds' plans stop at 2025, so for the current year
 * Ngọc Phụng gets its 2025 targets carried over (marked as a demo projection naming the plan;
 * the seeds' own rows are untouched), a baseline counted from the demo roster, and a few
 * weeks of synthetic tallies ending yesterday (deterministic for a given date). Idempotent:
 * what already exists for the year or the window is left alone, so it runs on every start.
 */
export async function ensureDemoActivity(db: Db, today: string): Promise<DemoActivityResult> {
  const year = Number(today.slice(0, 4));
  const villages = await db.orm
    .select({ id: adminUnits.id, code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(inArray(adminUnits.code, [NGOC_PHUNG_CODE, ...NGOC_PHUNG_VILLAGES.map((v) => v.code)]));
  const idOf = new Map(villages.map((v) => [v.code, v.id]));
  if (!idOf.has(NGOC_PHUNG_CODE)) return { year, targets: 0, baselines: 0, tallyDays: 0, warnings: [] };
  const projected = await projectTargets(db, year, idOf);
  const from = addDays(today, -DEMO_TALLY_DAYS);
  const baselines = await rosterBaselines(db, year, addDays(from, -1), idOf);
  const tallyDays = await syntheticTallies(db, today, from, idOf);
  return { year, targets: projected.rows, baselines, tallyDays, warnings: projected.warnings };
}

async function projectTargets(db: Db, year: number, idOf: Map<string, number>) {
  const [existing] = await db.orm
    .select({ n: count() })
    .from(targets)
    .where(and(eq(targets.unitId, idOf.get(NGOC_PHUNG_CODE)!), eq(targets.year, year), eq(targets.indicator, "bhyt")));
  if ((existing?.n ?? 0) > 0) return { rows: 0, warnings: [] as RowIssue[] };
  const source = `${DEMO_PROJECTION_NOTE}: chỉ tiêu năm ${year} lấy theo ${NGOC_PHUNG_SOURCE}`;
  const row = (unit: string, population: number, target: number, rate: string, deadline = "") => ({
    unit_code: unit, year: String(year), population: String(population), target_count: String(target), target_rate: rate, deadline, source,
  });
  const rows = [
    row(NGOC_PHUNG_CODE, NGOC_PHUNG_TOTAL.population, NGOC_PHUNG_TOTAL.target, NGOC_PHUNG_TOTAL.rate),
    ...NGOC_PHUNG_VILLAGES.map((v) => row(v.code, v.population, v.target, v.rate, v.deadline ? v.deadline.replace(/\d{4}$/, String(year)) : "")),
  ];
  const result = await runImport(db, targetsImportSpec(), asTable(rows), { actor: "demo" });
  if (!result.ok) throw new Error(`Demo projection failed to import: ${JSON.stringify(result.errors.slice(0, 3) ?? result.fileError)}`);
  return { rows: result.rows, warnings: result.warnings };
}

/**
 * Insured on `asOf` = the village's population × the share of its demo residents holding a
 * valid card that day (the roster is a sample of each village, not all of it), less a fixed
 * per-village share (3–9 %) standing for residents the sample misses, so villages differ and
 * the demo has a gap left to close.
 */
async function rosterBaselines(db: Db, year: number, asOf: string, idOf: Map<string, number>): Promise<number> {
  let written = 0;
  for (const v of NGOC_PHUNG_VILLAGES) {
    const unitId = idOf.get(v.code);
    if (unitId === undefined) continue;
    const [has] = await db.orm
      .select({ n: count() })
      .from(coverageBaselines)
      .where(and(eq(coverageBaselines.unitId, unitId), eq(coverageBaselines.year, year), eq(coverageBaselines.indicator, "bhyt"), eq(coverageBaselines.groupCode, "")));
    if ((has?.n ?? 0) > 0) continue;
    const [sample] = await db.orm
      .select({
        total: sql<number>`count(distinct ${people.id})`,
        insured: sql<number>`count(distinct case when ${cards.validFrom} <= ${asOf} and ${cards.validTo} >= ${asOf} then ${people.id} end)`,
      })
      .from(people)
      .leftJoin(cards, eq(cards.personId, people.id))
      .where(and(eq(people.unitId, unitId), eq(people.source, "demo")));
    if (!sample || sample.total === 0) continue;
    const missed = 3 + (Number(v.code.slice(-2)) * 5) % 7;
    const insuredCount = Math.round(v.population * (sample.insured / sample.total - missed / 100));
    const source = `${DEMO_PROJECTION_NOTE}: ${sample.insured}/${sample.total} người trong danh sách thẻ mẫu có thẻ còn hạn ngày ${asOf}, trừ ${missed} %`;
    await db.orm.insert(coverageBaselines).values({ unitId, year, indicator: "bhyt", groupCode: "", insuredCount, asOf, source });
    written++;
  }
  return written;
}

/** Weekdays from `from` to yesterday, each village 0–5 enrolments in a group or two; skipped if the window already has tallies. */
async function syntheticTallies(db: Db, today: string, from: string, idOf: Map<string, number>): Promise<number> {
  const villageIds = NGOC_PHUNG_VILLAGES.map((v) => idOf.get(v.code)).filter((id): id is number => id !== undefined);
  const [existing] = await db.orm
    .select({ n: count() })
    .from(tallyEntries)
    .where(and(inArray(tallyEntries.unitId, villageIds), gte(tallyEntries.reportDate, from), lte(tallyEntries.reportDate, today), eq(tallyEntries.status, "active")));
  if ((existing?.n ?? 0) > 0) return 0;
  const random = seededRandom(Number(today.replaceAll("-", "")));
  let days = 0;
  for (let day = from; day < today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const entries = [];
    for (const v of NGOC_PHUNG_VILLAGES) {
      const unitId = idOf.get(v.code);
      if (unitId === undefined || random() < 0.35) continue;
      entries.push({ unitId, group: "GD", indicator: "bhyt", count: 1 + Math.floor(random() * 4) });
      if (random() < 0.3) entries.push({ unitId, group: "HS", indicator: "bhyt", count: 1 + Math.floor(random() * 2) });
    }
    if (entries.length === 0) continue;
    await recordTally(db, { officerId: null, channel: "cli", originalText: null, date: day, entries, mode: "add", now: new Date(`${day}T09:00:00Z`) });
    days++;
  }
  return days;
}

async function* asTable(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}
