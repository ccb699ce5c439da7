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
import { createCliWorld } from "./cli-agreement-fixture";

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

/**
 * The same walk through the commands an officer types, on a database the CLI built (demo
 * seed, imported cards): `bhyt card benefit`, `bhyt card status` and `bhyt fee --commune`
 * against the bot's look-up of the same card, including the commune's status (the demo's
 * Ngọc Phụng is a poor commune in 2025, so near-poor cards are free there until 31/12/2025).
 */
describe("the CLI commands and the bot agree, either side of each dated change", () => {
  let world: Awaited<ReturnType<typeof createCliWorld>>;
  let days: string[];
  beforeAll(async () => {
    world = await createCliWorld(groups, addDays(changeDays[0]!, -1), db);
    days = [...new Set([...changeDays, ...world.statusDays.filter((d) => d >= changeDays[0]!)])].sort().flatMap((d) => [addDays(d, -1), d]);
  }, 60_000);
  afterAll(() => world?.db.close());

  it("bhyt card benefit and bhyt card status give every group the level, share and transport the bot tells", async () => {
    const botDeps = { ...deps, db: world.db };
    // Every group that had a level on the first change day has its card (groups created later have none).
    expect(world.cards.length).toBeGreaterThanOrEqual(groups.length - 2);
    for (const on of days) {
      for (const { group, bhxh, dob, verified } of world.cards) {
        const benefit = (await world.cli("card", "benefit", "--group", group, "--on", on, "--json")).last;
        const status = (await world.cli("card", "status", bhxh, "--dob", dob, "--on", on, "--json")).last;
        const text = await describeCard(botDeps, "vi", verified, on);
        const where = `${group} ${on}`;
        expect(status, where).toMatchObject({ ok: true, groupCode: group, status: "valid" });
        if (!benefit.ok) continue; // the group's level is not defined that day
        expect([status.benefitLevel, status.benefitPercent], where).toEqual([benefit.level, benefit.percent]);
        expect(text, where).toContain(`Mã quyền lợi ${benefit.level}: mức hưởng ${benefit.percent}%`);
        expect(text.includes("chi phí vận chuyển"), `${where} transport`).toBe(benefit.transport);
      }
    }
  }, 240_000);

  it("bhyt fee --commune gives the total the bot's look-up gives a card of that commune", async () => {
    const botDeps = { ...deps, db: world.db };
    let withCommuneSupport = 0;
    for (const on of days) {
      for (const { group, verified } of world.cards.filter((c) => feeGroups.includes(c.group))) {
        const text = await describeCard(botDeps, "vi", verified, on);
        const fee = await world.cli("fee", "--group", group, "--members", "1", "--months", "12", "--on", on, "--province", "38", "--commune", world.commune.code, "--json");
        const total = /Tổng cộng: ([\d.]+) đồng/.exec(text)?.[1];
        if (!fee.last.ok) {
          expect(total, `${group} ${on}`).toBeUndefined();
          continue;
        }
        if (total === undefined) continue; // renewed through the school: the look-up shows no amount
        expect(total, `${group} ${on}`).toBe(fee.last.total.toLocaleString("vi-VN"));
        if (fee.last.commune?.status) {
          withCommuneSupport++;
          expect(text).toContain(`Xã ${world.commune.name} là xã nghèo`);
        }
      }
    }
    // The walk did cross a commune-status support, and its end: CN in Ngọc Phụng in 2025 only.
    expect(withCommuneSupport).toBeGreaterThan(0);
    const cn = (on: string) => world.cli("fee", "--group", "CN", "--on", on, "--commune", world.commune.code, "--json");
    expect((await cn("2025-12-31")).last).toMatchObject({ stateSupportPercent: 100, total: 0, commune: { code: world.commune.code, status: "poor" } });
    expect((await cn("2026-01-01")).last).toMatchObject({ stateSupportPercent: 70, commune: { code: world.commune.code, status: null } });
  }, 120_000);
});
