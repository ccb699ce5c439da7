import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECTION_NOTE, ensureDemoActivity } from "../../../src/core/demo/demo-activity";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import type { Protector } from "../../../src/core/privacy/protector";
import { communeRanking } from "../../../src/core/progress/commune-ranking";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { unitTargets } from "../../../src/core/targets/unit-targets";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

// The clock's date: the demo must look alive whatever day someone tries it.
const TODAY = localDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));
let db: SqliteDb;
let protector: Protector;

beforeAll(async () => {
  protector = await createTestProtector();
  db = createTestDb();
  await seedDemo({ db, protector, today: TODAY, activity: true });
});
afterAll(() => db.close());

const tallyRows = (d: SqliteDb) => d.sqlite.prepare("select report_date as date, unit_id as unit, group_code as g, count from tally_entries order by id").all();

describe("the demo on today's date", () => {
  it("has Ngọc Phụng's targets for the current year, marked as a projection of the 2025 plan", async () => {
    const view = await unitTargets(db, await resolveUnit(db, "Ngọc Phụng"), YEAR);
    const own = view.targets.find((t) => t.group === null && t.indicator === "bhyt");
    expect(own).toMatchObject({ population: 8060, targetCount: 7703 });
    expect(own?.source).toContain(YEAR > 2025 ? DEMO_PROJECTION_NOTE : "Ngọc Phụng năm 2025");
    expect(view.children.filter((c) => c.targetCount !== null)).toHaveLength(7);
  });

  it("leaves the seeds' own 2025 figures as printed", async () => {
    const view = await unitTargets(db, await resolveUnit(db, "Ngọc Phụng"), 2025);
    expect(view.targets.find((t) => t.group === null)).toMatchObject({ targetCount: 7703, source: expect.not.stringContaining(DEMO_PROJECTION_NOTE) });
  });

  it("counts a baseline from the roster and tallies ending yesterday, so progress and ranking show real numbers", async () => {
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const progress = await unitProgress(db, { unitId: commune.id, year: YEAR, today: TODAY });
    expect(progress.baseline?.unitCount).toBe(7);
    expect(progress.insured).toBeGreaterThan(progress.target!.targetCount! * 0.5);
    expect(progress.insured).toBeLessThan(progress.target!.targetCount!);
    const dates = (tallyRows(db) as { date: string }[]).map((r) => r.date);
    expect(dates.length).toBeGreaterThan(20);
    expect(dates.every((d) => d < TODAY && d >= addDays(TODAY, -28))).toBe(true);
    const ranking = await communeRanking(db, { communeId: commune.id, year: YEAR, today: TODAY });
    const ranks = ranking.villages.map((v) => v.rank);
    expect(ranks).toHaveLength(7);
    expect(new Set(ranks).size).toBeGreaterThan(3);
  });

  it("is deterministic for a date and does not add a second set of tallies when run again", async () => {
    const before = tallyRows(db);
    const again = await ensureDemoActivity(db, TODAY);
    expect(again).toMatchObject({ targets: 0, baselines: 0, tallyDays: 0 });
    expect(tallyRows(db)).toEqual(before);
    const other = createTestDb();
    await seedDemo({ db: other, protector, today: TODAY, activity: true });
    expect(tallyRows(other)).toEqual(before);
    other.close();
  });

  it("gives the demo targets in a later year too (today passed explicitly)", async () => {
    const later = `${YEAR + 3}-03-10`;
    const result = await ensureDemoActivity(db, later);
    expect(result).toMatchObject({ year: YEAR + 3, targets: 8, baselines: 7 });
    expect(result.tallyDays).toBeGreaterThan(15);
  });
});
