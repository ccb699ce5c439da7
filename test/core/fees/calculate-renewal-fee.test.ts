import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculateRenewalFee, type RenewalFeeInput } from "../../../src/core/fees/calculate-renewal-fee";
import type { RenewalFee } from "../../../src/core/fees/compute-fee";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestTranslator } from "../../helpers/test-db";
import { feeLines } from "../../../src/core/fees/fee-text";
import { adminUnits, baseSalaries, communeStatuses } from "../../../src/db/schema";

let db: SqliteDb;
beforeAll(() => {
  db = createTestDb();
});
afterAll(() => db.close());

async function fee(input: RenewalFeeInput): Promise<RenewalFee> {
  const result = await calculateRenewalFee(db, input);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result;
}
const amounts = (f: RenewalFee) => f.perMember.map((m) => m.amount);

describe("calculateRenewalFee: household scheme (GD)", () => {
  it("defaults to one GD member for 12 months", async () => {
    const f = await fee({ on: "2026-07-01" });
    expect(f).toMatchObject({ group: "GD", members: 1, months: 12, provinceCode: null, baseSalary: 2_530_000, ratePercent: 4.5, monthlyAmount: 113_850, total: 1_366_200 });
    expect(f.perMember).toEqual([{ index: 1, ladderPercent: 100, fullAmount: 1_366_200, supportPercent: 0, supportAmount: 0, amount: 1_366_200 }]);
  });

  it("follows the base salary timeline: 2,340,000 until 30/6/2026, 2,530,000 from 1/7/2026", async () => {
    expect(await fee({ on: "2026-06-30" })).toMatchObject({ baseSalary: 2_340_000, baseSalaryFrom: "2024-07-01", total: 1_263_600 });
    expect(await fee({ on: "2026-07-01" })).toMatchObject({ baseSalary: 2_530_000, baseSalaryFrom: "2026-07-01", total: 1_366_200 });
    expect(await fee({ on: "2024-06-30" })).toMatchObject({ baseSalary: 1_800_000, total: 972_000 });
    expect(await fee({ on: "2019-07-01" })).toMatchObject({ baseSalary: 1_490_000, total: 804_600 });
  });

  // domain.md §3.3: 100 / 70 / 60 / 50 % and 40 % from the 5th member.
  const LADDER_2026 = [1_366_200, 956_340, 819_720, 683_100, 546_480, 546_480];
  const LADDER_2024 = [1_263_600, 884_520, 758_160, 631_800, 505_440, 505_440];
  for (let members = 1; members <= 6; members++) {
    it(`household of ${members}: the ladder, at both base salaries`, async () => {
      const after = await fee({ on: "2026-07-01", members });
      expect(amounts(after)).toEqual(LADDER_2026.slice(0, members));
      expect(after.perMember.map((m) => m.ladderPercent)).toEqual([100, 70, 60, 50, 40, 40].slice(0, members));
      expect(after.total).toBe(LADDER_2026.slice(0, members).reduce((a, b) => a + b, 0));
      expect(amounts(await fee({ on: "2026-06-30", members }))).toEqual(LADDER_2024.slice(0, members));
    });
  }

  it("charges 6 and 3 months as a half and a quarter of the year", async () => {
    expect(await fee({ on: "2026-07-01", months: 6 })).toMatchObject({ months: 6, total: 683_100 });
    expect(amounts(await fee({ on: "2026-07-01", months: 3, members: 5 }))).toEqual([341_550, 239_085, 204_930, 170_775, 136_620]);
    expect((await fee({ on: "2026-06-30", months: 3, members: 5 })).total).toBe(315_900 + 221_130 + 189_540 + 157_950 + 126_360);
  });
});

describe("calculateRenewalFee: state-supported groups", () => {
  it("students: 30 % support until 30/6/2025, 50 % from 1/7/2025", async () => {
    for (const group of ["HS", "SV"]) {
      expect(await fee({ on: "2025-06-30", group })).toMatchObject({ stateSupportPercent: 30, total: 884_520, totalSupport: 379_080 });
      expect(await fee({ on: "2025-07-01", group })).toMatchObject({ stateSupportPercent: 50, total: 631_800, totalSupport: 631_800 });
    }
    expect(await fee({ on: "2025-07-01", group: "HS", months: 6 })).toMatchObject({ total: 315_900 });
    expect(await fee({ on: "2025-07-01", group: "HS", months: 3 })).toMatchObject({ total: 157_950 });
    expect(await fee({ on: "2026-07-01", group: "hs" })).toMatchObject({ group: "HS", total: 683_100 });
  });

  it("near-poor (CN) 70 % and farm households (GB) 30 % (domain.md §3.3 maxima)", async () => {
    expect(await fee({ on: "2026-06-30", group: "CN" })).toMatchObject({ stateSupportPercent: 70, total: 379_080 });
    expect(await fee({ on: "2026-07-01", group: "CN" })).toMatchObject({ total: 409_860 });
    expect(await fee({ on: "2026-06-30", group: "GB" })).toMatchObject({ stateSupportPercent: 30, total: 884_520 });
    expect(await fee({ on: "2026-07-01", group: "GB", months: 3 })).toMatchObject({ total: 239_085 });
  });

  it("does not apply the household ladder to supported groups", async () => {
    const f = await fee({ on: "2026-07-01", group: "CN", members: 3 });
    expect(f.perMember.map((m) => [m.ladderPercent, m.amount])).toEqual([[100, 409_860], [100, 409_860], [100, 409_860]]);
    expect(f.total).toBe(1_229_580);
  });
});

describe("calculateRenewalFee: province top-ups", () => {
  it("adds Gia Lai's NQ 48/2022 on top of national support while it applied (2023–2025)", async () => {
    const gb = await fee({ on: "2024-03-01", group: "GB", provinceCode: "64" });
    expect(gb).toMatchObject({ provinceCode: "64", stateSupportPercent: 30, provinceSupportPercent: 10, total: 583_200 });
    expect(gb.perMember[0]).toMatchObject({ supportPercent: 40, fullAmount: 972_000, supportAmount: 388_800 });
    expect(gb.sources.provinceSupport).toEqual(["NQ 48/2022/NQ-HĐND tỉnh Gia Lai (9/12/2022)"]);
    // Near-poor: 70 % + 30 % = fully paid.
    expect(await fee({ on: "2025-12-31", group: "CN", provinceCode: "64" })).toMatchObject({ provinceSupportPercent: 30, total: 0 });
    expect(await fee({ on: "2026-01-01", group: "CN", provinceCode: "64" })).toMatchObject({ provinceSupportPercent: 0, total: 379_080 });
    expect(await fee({ on: "2024-03-01", group: "GB", provinceCode: "01" })).toMatchObject({ provinceSupportPercent: 0, total: 680_400 });
  });

  it("caps support at 100 % (TP HCM pupils from 14/11/2025, UNCONFIRMED row)", async () => {
    expect(await fee({ on: "2025-11-13", group: "HS", provinceCode: "79" })).toMatchObject({ total: 631_800 });
    expect(await fee({ on: "2025-11-14", group: "HS", provinceCode: "79" })).toMatchObject({ provinceSupportPercent: 50, total: 0, totalSupport: 1_263_600 });
    expect(await fee({ on: "2025-11-14", group: "GD", provinceCode: "79" })).toMatchObject({ provinceSupportPercent: 0, total: 1_263_600 });
  });
});

describe("calculateRenewalFee: refusals", () => {
  const refusal = async (input: RenewalFeeInput) => calculateRenewalFee(db, input);

  it("refuses bad member counts and payment periods", async () => {
    for (const members of [0, 21, 1.5, Number.NaN]) {
      expect(await refusal({ on: "2026-07-01", members })).toEqual({ ok: false, code: "bad_members", messageKey: "fee-bad-members", args: { members: String(members), max: 20 } });
    }
    expect(await fee({ on: "2026-07-01", members: 20 })).toMatchObject({ members: 20 });
    for (const months of [0, 1, 4, 24]) {
      expect(await refusal({ on: "2026-07-01", months })).toEqual({ ok: false, code: "bad_months", messageKey: "fee-bad-months", args: { months: String(months), allowed: "3, 6, 12" } });
    }
  });

  it("accepts pupils' 9-month (grade 12) and 13–15-month (grade 1) payments, for pupils only", async () => {
    const yearly = (await fee({ on: "2026-07-01", group: "HS", months: 12 })).total;
    expect((await fee({ on: "2026-07-01", group: "HS", months: 9 })).total).toBe((yearly * 9) / 12);
    for (const months of [13, 14, 15]) expect(await fee({ on: "2026-07-01", group: "HS", months })).toMatchObject({ months });
    expect(await refusal({ on: "2026-07-01", group: "GD", months: 9 })).toMatchObject({ code: "bad_months", args: { allowed: "3, 6, 12" } });
    expect(await refusal({ on: "2026-07-01", group: "HS", months: 16 })).toMatchObject({ code: "bad_months", args: { allowed: "3, 6, 9, 12, 13, 14, 15" } });
  });

  it("gives near-poor people in a poor commune 100% support, by the commune's status on the date", async () => {
    const [unit] = await db.orm.insert(adminUnits).values({ code: "99999", name: "Xã Thử", level: "commune", searchKey: "xa thu" }).returning({ id: adminUnits.id });
    await db.orm.insert(communeStatuses).values({ unitCode: "99999", status: "poor", validFrom: "2025-07-01", validTo: "2026-12-31", source: "test" });
    const on = "2026-07-01";
    expect(await fee({ on, group: "CN", communeId: unit!.id })).toMatchObject({ stateSupportPercent: 100, total: 0 });
    expect((await fee({ on, group: "CN" })).stateSupportPercent).toBe(70);
    expect((await fee({ on: "2027-01-01", group: "CN", communeId: unit!.id })).stateSupportPercent).toBe(70);
    // GD has no commune-status row: the national share stays.
    expect((await fee({ on, group: "GD", communeId: unit!.id })).total).toBe(1_366_200);
    // The result names the commune, and the status only where it raised the share.
    expect((await fee({ on, group: "CN", communeId: unit!.id })).commune).toEqual({ code: "99999", name: "Xã Thử", status: "poor" });
    expect((await fee({ on: "2027-01-01", group: "CN", communeId: unit!.id })).commune).toEqual({ code: "99999", name: "Xã Thử", status: null });
    expect((await fee({ on, group: "CN" })).commune).toBeNull();
    // An id that is no unit is refused, not silently ignored.
    expect(await refusal({ on, group: "CN", communeId: 999_999 })).toEqual({ ok: false, code: "unknown_commune", messageKey: "fee-unknown-commune", args: { commune: "999999" } });
  });

  it("labels the base salary as the latest known rate in a year after its newest step, never silently", async () => {
    const newest = (await db.orm.select().from(baseSalaries)).map((b) => b.validFrom).sort().at(-1)!;
    const nextYear = `${Number(newest.slice(0, 4)) + 1}-01-01`;
    expect((await fee({ on: newest })).baseSalaryLatestKnown).toBe(false);
    expect((await fee({ on: nextYear })).baseSalaryLatestKnown).toBe(true);
    const text = feeLines(await fee({ on: nextYear }), createTestTranslator(), "vi").heading;
    expect(text).toContain("mức mới nhất đã biết");
  });

  it("refuses groups outside the calculator and unknown provinces", async () => {
    expect(await refusal({ on: "2026-07-01", group: "DN" })).toEqual({ ok: false, code: "unknown_group", messageKey: "fee-unknown-group", args: { group: "DN", groups: "GD, HS, SV, CN, GB" } });
    expect(await refusal({ on: "2026-07-01", group: "xx" })).toMatchObject({ code: "unknown_group", args: { group: "xx" } });
    expect(await refusal({ on: "2026-07-01", provinceCode: "00" })).toEqual({ ok: false, code: "unknown_province", messageKey: "fee-unknown-province", args: { province: "00" } });
  });

  it("refuses dates before the first base salary row", async () => {
    expect(await refusal({ on: "2019-06-30" })).toEqual({ ok: false, code: "no_rule_for_date", messageKey: "fee-no-rule", args: { group: "GD", date: "2019-06-30" } });
  });
});
