import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { loadCardCodeVocabulary } from "../../src/core/cards/card-code-vocabulary";
import { parseCardCode, type CardCodeVocabulary } from "../../src/core/cards/parse-card-code";
import { computeRenewalFee, type FeeRules } from "../../src/core/fees/compute-fee";
import { calculateRenewalFee, MAX_MEMBERS } from "../../src/core/fees/calculate-renewal-fee";

import { parseCount } from "../../src/core/imports/values";
import { parseTally, type TallyContext, type TallyRejectionCode } from "../../src/core/tallies/parse-tally";

/** The periods every group may pay (payment_periods rows for "*", Luật BHYT Đ15 k6). */
const PAYMENT_MONTHS = [3, 6, 12] as const;
import { loadTallyVocabulary, type TallyVocabulary } from "../../src/core/tallies/tally-vocabulary";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "../helpers/test-db";

const TODAY = "2025-11-15";
const TALLY_CODES: readonly TallyRejectionCode[] = [
  "unknown_unit", "unknown_group", "bad_count", "above_population", "future_date", "bad_date", "too_old", "not_a_report", "out_of_scope", "duplicate_entry",
];

let db: SqliteDb;
let tallyVocabulary: TallyVocabulary;
let cardVocabulary: CardCodeVocabulary;

beforeAll(async () => {
  db = createTestDb();
  await seedDemo({ db, protector: await createTestProtector(), today: TODAY });
  tallyVocabulary = await loadTallyVocabulary(db, await resolveUnit(db, "Ngọc Phụng"), { today: TODAY });
  cardVocabulary = await loadCardCodeVocabulary(db);
});

/** Strings that look a little like what officers type: village words, group codes, numbers, junk. */
const tallyish = fc
  .array(
    fc.oneof(
      fc.constantFrom("Xuân Thành", "xuan thanh", "Hoà Lâm", "GD", "HS", "TE", "BHXHTN", "hôm qua", "ngày", "12/11", "thẻ", ",", ";", "\n", ":"),
      fc.integer({ min: -100, max: 100_000 }).map(String),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(" "));

describe("parseTally is total", () => {
  const contexts: TallyContext[] = [{ today: TODAY, role: "commune" }, { today: TODAY, role: "collector", unitIds: [] }];
  it("never throws on any string and answers ok or a known rejection code", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 5000 }), tallyish), fc.constantFrom(...contexts), (text, context) => {
        const result = parseTally(text, tallyVocabulary, context);
        if (result.ok) {
          expect(result.entries.length).toBeGreaterThan(0);
          for (const e of result.entries) expect(Number.isInteger(e.count) && e.count >= 0).toBe(true);
        } else {
          expect(TALLY_CODES).toContain(result.code);
          expect(typeof result.messageKey).toBe("string");
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("parseCardCode is total", () => {
  it("never throws and answers ok or a card_* rejection", () => {
    const cardish = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.tuple(fc.constantFrom("GD", "gd", "HS", "XX", "ｇｄ"), fc.string({ unit: fc.constantFrom(..."0123456789 -./_O"), maxLength: 16 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(cardish, (text) => {
        const result = parseCardCode(text, cardVocabulary);
        if (!result.ok) expect(result.code).toMatch(/^card_/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("renewal fee properties", () => {
  const rules = (salary: number, rateBp: number, ladderBp: number[], stateBp: number, provinceBp: number[]): FeeRules => ({
    baseSalary: { amount: salary, validFrom: "2024-07-01", instrument: "test" },
    rate: { rateBp, instrument: "test" } as FeeRules["rate"],
    ladder: ladderBp.map((percentBp, i) => ({ fromMember: i + 1, percentBp })) as unknown as FeeRules["ladder"],
    stateSupport: { percentBp: stateBp, source: "test" } as FeeRules["stateSupport"],
    provinceSupports: provinceBp.map((percentBp) => ({ percentBp, instrument: "test", isDemo: false })) as unknown as FeeRules["provinceSupports"],
    groupName: { vi: "Hộ gia đình", en: "Household" },
  });
  // A ladder never rises with household size (70 %, 60 %, 50 %, 40 % of the first).
  const ladder = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 }).map((l) => [...l].sort((a, b) => b - a));
  const arbitraryRules = fc
    .record({
      salary: fc.integer({ min: 0, max: 50_000_000 }),
      rateBp: fc.integer({ min: 0, max: 2_000 }),
      ladder,
      stateBp: fc.integer({ min: 0, max: 10_000 }),
      provinceBp: fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 3 }),
    })
    .map((r) => rules(r.salary, r.rateBp, r.ladder, r.stateBp, r.provinceBp));
  const request = (members: number, months: number) => ({ members, group: "GD", months, on: "2026-07-01", provinceCode: null });

  it("computeRenewalFee: total is the sum of members, never negative, whole đồng, monotonic in household size", () => {
    fc.assert(
      fc.property(arbitraryRules, fc.integer({ min: 1, max: MAX_MEMBERS - 1 }), fc.constantFrom(...PAYMENT_MONTHS), (r, members, months) => {
        const fee = computeRenewalFee(request(members, months), r);
        const bigger = computeRenewalFee(request(members + 1, months), r);
        expect(fee.total).toBe(fee.perMember.reduce((s, m) => s + m.amount, 0));
        expect(fee.perMember).toHaveLength(members);
        for (const m of fee.perMember) {
          expect(Number.isSafeInteger(m.amount) && m.amount >= 0).toBe(true);
          expect(Number.isSafeInteger(m.supportAmount) && m.supportAmount >= 0).toBe(true);
          expect(m.amount).toBeLessThanOrEqual(m.fullAmount);
        }
        expect(Number.isSafeInteger(fee.total) && fee.total >= 0).toBe(true);
        expect(bigger.total).toBeGreaterThanOrEqual(fee.total);
      }),
      { numRuns: 300 },
    );
  });

  it("calculateRenewalFee on the real rule tables: same properties for every group, size, period and date", async () => {
    const dates = ["2024-06-30", "2024-07-01", "2025-11-15", "2026-06-30", "2026-07-01"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GD", "HS", "TE", "HN", "CN"), fc.integer({ min: 1, max: MAX_MEMBERS - 1 }), fc.constantFrom(...PAYMENT_MONTHS), fc.constantFrom(...dates), async (group, members, months, on) => {
        const fee = await calculateRenewalFee(db, { group, members, months, on });
        const bigger = await calculateRenewalFee(db, { group, members: members + 1, months, on });
        if (!fee.ok || !bigger.ok) {
          expect(fee.ok).toBe(bigger.ok);
          return;
        }
        expect(fee.total).toBe(fee.perMember.reduce((s, m) => s + m.amount, 0));
        expect(Number.isSafeInteger(fee.total) && fee.total >= 0).toBe(true);
        expect(bigger.total).toBeGreaterThanOrEqual(fee.total);
      }),
      { numRuns: 120 },
    );
  });
});

describe("parseCount reads back Vietnamese number formatting", () => {
  it("vi-VN grouping (dots), spaces and plain digits all give the same value", () => {
    const vi = new Intl.NumberFormat("vi-VN");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const dotted = vi.format(n);
        expect(parseCount(dotted)).toEqual({ ok: true, value: n });
        expect(parseCount(dotted.replace(/\./g, " "))).toEqual({ ok: true, value: n });
        expect(parseCount(String(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000 },
    );
  });
});
