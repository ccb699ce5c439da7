import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { lookupGroupBenefit } from "../../../src/core/cards/group-benefit";
import { describeCard } from "../../../src/core/conversation/resident-text";
import { feeText } from "../../../src/core/conversation/fee-reply";
import type { ConversationDeps } from "../../../src/core/conversation/conversation-deps";
import { calculateRenewalFee } from "../../../src/core/fees/calculate-renewal-fee";
import { assessCard } from "../../../src/core/residents/card-assessment";
import type { VerifiedCard } from "../../../src/core/residents/find-card";
import { addDays } from "../../../src/core/time/day-math";
import { baseSalaries, groupBenefitLevels, participantGroups, stateSupports, waitingRules } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

/**
 * Every dated change in the law tables (benefit levels, state support, base salary, waiting
 * rule), checked the day before and the day it takes effect: `bhyt card benefit`
 * (lookupGroupBenefit), `bhyt card status` (assessCard), the bot's look-up (describeCard) and
 * `bhyt fee` / `/phi` (calculateRenewalFee / feeText) must agree for every card group. Dates come
 * from the tables themselves, so a new row is covered without touching this test.
 */
let db: SqliteDb;
let deps: ConversationDeps;
let groups: string[];
let changeDays: string[];
let feeGroups: string[];

beforeAll(async () => {
  db = createTestDb();
  deps = { db, protector: await createTestProtector(), t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" };
  groups = (await db.orm.select({ code: participantGroups.code }).from(participantGroups).where(eq(participantGroups.kind, "card"))).map((g) => g.code);
  const starts = [
    ...(await db.orm.select({ d: groupBenefitLevels.validFrom }).from(groupBenefitLevels)).map((r) => r.d),
    ...(await db.orm.select({ d: stateSupports.validFrom }).from(stateSupports)).map((r) => r.d),
    ...(await db.orm.select({ d: baseSalaries.validFrom }).from(baseSalaries)).map((r) => r.d),
    ...(await db.orm.select({ d: waitingRules.validFrom }).from(waitingRules)).map((r) => r.d),
  ];
  changeDays = [...new Set(starts)].filter((d) => d >= "2019-07-01").sort();
  feeGroups = [...new Set((await db.orm.select({ g: stateSupports.groupCode }).from(stateSupports)).map((r) => r.g))];
});
afterAll(() => db.close());

const card = (groupCode: string, benefitLevel: number | null, validTo: string): VerifiedCard => ({
  cardId: 1, personId: 1, householdId: null, fullName: "Trần Thị Bình", groupCode, benefitLevel, provinceCode: "38",
  validFrom: "2015-01-01", validTo, registeredFacility: null, fiveYearDate: null, village: { id: 1, name: "Thôn", kind: "thôn" }, commune: null,
});

describe("CLI and bot agree on every group either side of each dated change", () => {
  it("finds the dated changes it walks (NQ 261 on 1/1/2026, NĐ 188 on 1/7/2025, each base salary)", () => {
    expect(changeDays).toEqual(expect.arrayContaining(["2025-07-01", "2026-01-01", "2024-07-01"]));
  });

  it("benefit: card benefit, card status and the bot's text give the same level and share", async () => {
    for (const change of changeDays) {
      for (const on of [addDays(change, -1), change]) {
        for (const group of groups) {
          const benefit = await lookupGroupBenefit(db, group, on);
          if (!benefit.ok) continue; // a group that did not exist yet
          // A card printed before the change keeps its old digit: the look-up must still apply the day's level.
          const printed = (await lookupGroupBenefit(db, group, addDays(change, -1)));
          const c = card(group, printed.ok ? printed.level : benefit.level, addDays(on, 200));
          const status = await assessCard(db, c, on);
          expect([group, on, status.benefit?.level, status.benefit?.percent]).toEqual([group, on, benefit.level, benefit.percent]);
          const text = await describeCard(deps, "vi", c, on);
          expect(text, `${group} ${on}`).toContain(`Mã quyền lợi ${benefit.level}: mức hưởng ${benefit.percent}%`);
          expect(text.includes("chi phí vận chuyển"), `${group} ${on} transport`).toBe(benefit.transport);
        }
      }
    }
  });

  it("fee: bhyt fee and the bot's /phi show the same total for every supported group", async () => {
    for (const change of changeDays) {
      for (const on of [addDays(change, -1), change]) {
        for (const group of feeGroups) {
          const fee = await calculateRenewalFee(db, { group, members: 2, months: 12, on });
          const text = await feeText(deps, "vi", { group, members: 2, months: 12, on });
          if (!fee.ok) {
            expect(text, `${group} ${on}`).not.toContain("Tổng cộng");
            continue;
          }
          expect(text, `${group} ${on}`).toContain(`Tổng cộng: ${fee.total.toLocaleString("vi-VN")} đồng.`);
        }
      }
    }
  });
});
