import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../../src/db/client";
import { adminUnits, coverageBaselines, inboundUpdates, officers, tallyEntries, tallyReports, type AdminUnit } from "../../../src/db/schema";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

/** The demo's "today" and a moment on it (10:00 in Vietnam). */
export const TODAY = "2025-11-15";
export const NOW = new Date("2025-11-15T03:00:00Z");
export const at = (iso: string) => new Date(iso);

/** Ngọc Phụng's villages by short name. */
export const VILLAGE_CODES = {
  quyetTien: "38-01-01-01",
  xuanThanh: "38-01-01-02",
  xuanLap: "38-01-01-03",
  xuanThang: "38-01-01-04",
  hoaLam: "38-01-01-05",
  hungLong: "38-01-01-06",
  phuVinh: "38-01-01-07",
} as const;
type VillageName = keyof typeof VILLAGE_CODES;

export interface TallyWorld {
  db: SqliteDb;
  commune: AdminUnit;
  village: Record<VillageName, AdminUnit>;
  /** A collector of Xuân Thành and a commune officer of Ngọc Phụng. */
  officer: { lan: number; minh: number };
}

/**
 * The seeded demo (today 2025-11-15) with two officers and baselines for two villages:
 * Xuân Thành 430 insured as of 2025-10-31, Quyết Tiến 400 as of 2025-09-30.
 */
export async function createTallyWorld(): Promise<TallyWorld> {
  const db = createTestDb();
  await seedDemo({ db, protector: await createTestProtector(), today: TODAY });
  const units = await db.orm.select().from(adminUnits).where(sql`${adminUnits.code} like '38-01-01%'`);
  const byCode = (code: string) => units.find((u) => u.code === code)!;
  const village = Object.fromEntries(Object.entries(VILLAGE_CODES).map(([name, code]) => [name, byCode(code)])) as Record<VillageName, AdminUnit>;
  const commune = byCode("38-01-01");
  const [lan] = await db.orm.insert(officers).values({ displayName: "Chị Lan", role: "collector", scopeUnitId: commune.id }).returning();
  const [minh] = await db.orm.insert(officers).values({ displayName: "Anh Minh", role: "commune", scopeUnitId: commune.id }).returning();
  await db.orm.insert(coverageBaselines).values([
    { unitId: village.xuanThanh.id, year: 2025, insuredCount: 430, asOf: "2025-10-31", source: "test" },
    { unitId: village.quyetTien.id, year: 2025, insuredCount: 400, asOf: "2025-09-30", source: "test" },
  ]);
  return { db, commune, village, officer: { lan: lan!.id, minh: minh!.id } };
}

/** A figure as the parser would give it. */
export const figure = (unit: AdminUnit, group: string, n: number, indicator = group === "BHXHTN" ? "bhxh_tn" : "bhyt") => ({
  unitId: unit.id,
  unitName: unit.name,
  group,
  indicator,
  count: n,
});

/** Every entry for one (unit, date, group), oldest first, as [count, status, supersededById]. */
export async function historyOf(db: Db, unit: AdminUnit, date: string, group: string) {
  const rows = await db.orm
    .select()
    .from(tallyEntries)
    .where(and(eq(tallyEntries.unitId, unit.id), eq(tallyEntries.reportDate, date), eq(tallyEntries.groupCode, group)))
    .orderBy(asc(tallyEntries.id));
  return rows;
}

/** The current figure for one (unit, date, group): the sum of active entries. */
export async function activeSum(db: Db, unit: AdminUnit, date: string, group: string): Promise<number> {
  const rows = await historyOf(db, unit, date, group);
  return rows.filter((r) => r.status === "active").reduce((s, r) => s + r.count, 0);
}

/** Row counts of the three tables a report writes to. */
export async function tallyRowCounts(db: Db) {
  const [reports] = await db.orm.select({ n: count() }).from(tallyReports);
  const [entries] = await db.orm.select({ n: count() }).from(tallyEntries);
  const [inbound] = await db.orm.select({ n: count() }).from(inboundUpdates);
  return { reports: reports!.n, entries: entries!.n, inbound: inbound!.n };
}

/**
 * A Db whose next `n` atomic units wait until `release()`: lets a test make two use cases
 * read the database before either writes, the interleaving two webhook deliveries can have.
 */
export function holdAtomic(db: Db, n: number) {
  const waiting: (() => void)[] = [];
  let toHold = n;
  let calls = 0;
  const held: Db = {
    orm: db.orm,
    driver: db.driver,
    async atomic(steps) {
      calls++;
      if (toHold > 0) {
        toHold--;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return db.atomic(steps);
    },
  };
  return { db: held, calls: () => calls, waiting: () => waiting.length, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}
