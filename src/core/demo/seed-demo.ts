import { count, eq, sql } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { chunkForParameters } from "../../db/client";
import { adminUnits, appMeta, communeStatuses, participantGroups, people } from "../../db/schema";
import type { Logger } from "../../logger";
import { runImport, type RowIssue } from "../imports/run-import";
import { targetsImportSpec } from "../imports/targets-import";
import { unitsImportSpec } from "../imports/units-import";
import type { Protector } from "../privacy/protector";
import { localDate } from "../time/local-date";
import { demoSubgroups, demoTargetRows, demoUnitRows } from "./demo-plans";
import { generateDemoRoster } from "./demo-roster";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_STATUS } from "./ngoc-phung";
import { writeDemoRoster } from "./seed-roster";
import { ensureDemoActivity, type DemoActivityResult } from "./demo-activity";

export interface SeedDemoDeps {
  db: Db;
  protector: Protector;
  logger?: Logger;
  /** The date the synthetic roster's expiry dates are spread around (default: today in Vietnam). */
  today?: string;
  /**
   * Also this year's projected targets, roster baseline and synthetic tallies (`npm start` and
   * `bhyt db seed-demo` want them; tests of the plans and flows start from no tallies).
   */
  activity?: boolean;
}

export interface SeedDemoResult {
  units: number;
  targets: number;
  people: number;
  /** This year's projected targets, roster baseline and synthetic tallies, when asked for. */
  activity: DemoActivityResult | null;
  warnings: RowIssue[];
}

const DEMO_MARKER = "demo_seeded_at";

/**
 * Loads the demo: units and targets from the plans in shared/seeds (through the same
 * importer officers use, so its warnings about inconsistent source figures are reported),
 * Lai Châu's plan subgroups, and a synthetic roster. Re-running updates, never duplicates.
 */
export async function seedDemo(deps: SeedDemoDeps): Promise<SeedDemoResult> {
  const { db } = deps;
  const units = await runImport(db, unitsImportSpec(), asTable(demoUnitRows()), { actor: "demo" });
  if (!units.ok) throw new Error(`Demo units failed to import: ${JSON.stringify(units.errors.slice(0, 3) ?? units.fileError)}`);
  await upsertSubgroups(db);
  await db.orm.insert(communeStatuses).values({ unitCode: NGOC_PHUNG_CODE, ...NGOC_PHUNG_STATUS, isDemo: true }).onConflictDoNothing();
  const targets = await runImport(db, targetsImportSpec(), asTable(demoTargetRows()), { actor: "demo" });
  if (!targets.ok) throw new Error(`Demo targets failed to import: ${JSON.stringify(targets.errors.slice(0, 3) ?? targets.fileError)}`);
  const [existing] = await db.orm.select({ n: count() }).from(people).where(eq(people.source, "demo"));
  const today = deps.today ?? localDate(new Date());
  const roster = (existing?.n ?? 0) > 0 ? 0 : await writeDemoRoster(db, deps.protector, generateDemoRoster(today));
  const activity = deps.activity ? await ensureDemoActivity(db, today) : null;
  const now = new Date();
  await db.orm
    .insert(appMeta)
    .values({ key: DEMO_MARKER, value: now.toISOString(), updatedAt: now })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: now.toISOString(), updatedAt: now } });
  const warnings = [...units.warnings, ...targets.warnings, ...(activity?.warnings ?? [])];
  // One line, not one per row: the figures are the plans' own; `bhyt db seed-demo --json` lists them.
  if (warnings.length > 0) deps.logger?.warn("demo.source_inconsistencies", { count: warnings.length, details: "bhyt db seed-demo --json" });
  return { units: units.rows, targets: targets.rows, people: roster, activity, warnings };
}

/** True when the database was loaded by the demo (its marker is set). */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [marker] = await db.orm.select().from(appMeta).where(eq(appMeta.key, DEMO_MARKER));
  return marker !== undefined;
}

/** On first start only: a database that already holds units (real or demo) is left alone. */
export async function seedDemoIfEmpty(deps: SeedDemoDeps): Promise<SeedDemoResult | undefined> {
  const [units] = await deps.db.orm.select({ n: count() }).from(adminUnits);
  const [marker] = await deps.db.orm.select().from(appMeta).where(eq(appMeta.key, DEMO_MARKER));
  if ((units?.n ?? 0) > 0 || marker) return undefined;
  return seedDemo(deps);
}

async function upsertSubgroups(db: Db) {
  const [lc] = await db.orm.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.code, "12"));
  const rows = demoSubgroups().map((g) => ({ ...g, kind: "subgroup" as const, scopeUnitId: lc?.id ?? null }));
  await db.atomic(
    chunkForParameters(rows, 8).map(
      (chunk): AtomicStep =>
        (tx) =>
          tx
            .insert(participantGroups)
            .values(chunk)
            .onConflictDoUpdate({
              target: participantGroups.code,
              set: { nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, parentCode: sql`excluded.parent_code`, source: sql`excluded.source` },
            }),
    ),
  );
}

/** Rows as a table: every row gets every column, as in a file with one header line. */
async function* asTable(rows: Record<string, string>[]) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  let rowNumber = 1;
  for (const r of rows) yield { rowNumber: ++rowNumber, record: Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])) };
}
