import { describe, expect, it } from "vitest";
import { renewalStart } from "../../../src/core/cards/renewal-start";

describe("renewalStart", () => {
  it("first enrolment: 30 days after payment", () => {
    expect(renewalStart({ paidOn: "2026-01-15" })).toEqual({ startsOn: "2026-02-14", rule: "first_enrolment", gapDays: null, confirmed: true, messageKey: "renewal-first-enrolment" });
    expect(renewalStart({ previousValidTo: null, paidOn: "2024-02-20" }).startsOn).toBe("2024-03-21");
  });

  it("continuous renewal: the day after the old card expires, however early the payment", () => {
    expect(renewalStart({ previousValidTo: "2025-12-31", paidOn: "2025-11-02" })).toEqual({ startsOn: "2026-01-01", rule: "continuous", gapDays: 0, confirmed: true, messageKey: "renewal-continuous" });
    expect(renewalStart({ previousValidTo: "2025-12-31", paidOn: "2025-12-31" })).toMatchObject({ startsOn: "2026-01-01", rule: "continuous" });
  });

  it("a gap of 90 days or more waits 30 days after payment, like a first enrolment", () => {
    expect(renewalStart({ previousValidTo: "2025-01-31", paidOn: "2025-05-01" })).toEqual({ startsOn: "2025-05-31", rule: "lapsed", gapDays: 90, confirmed: true, messageKey: "renewal-lapsed" });
    expect(renewalStart({ previousValidTo: "2023-06-30", paidOn: "2026-03-01" })).toMatchObject({ startsOn: "2026-03-31", rule: "lapsed" });
  });

  it("a shorter gap has no wait; the payment-day start is flagged as unconfirmed", () => {
    expect(renewalStart({ previousValidTo: "2025-01-31", paidOn: "2025-04-30" })).toEqual({ startsOn: "2025-04-30", rule: "short_gap", gapDays: 89, confirmed: false, messageKey: "renewal-short-gap" });
    expect(renewalStart({ previousValidTo: "2025-12-31", paidOn: "2026-01-01" })).toMatchObject({ rule: "short_gap", gapDays: 1 });
  });
});

describe("renewalStart under the dated waiting rules (waiting_rules)", () => {
  const BEFORE = { waitDays: 30, gapUnit: "fiscal_months" as const, gapLength: 3 }; // Luật 46/2014, until 30/6/2025
  it("before 1/7/2025 a gap counts in months within the fiscal year", () => {
    // 4 months in the payment's year: wait. The same gap straddling New Year counts only its part in the new year.
    expect(renewalStart({ previousValidTo: "2024-01-31", paidOn: "2024-06-01" }, BEFORE)).toMatchObject({ rule: "lapsed", startsOn: "2024-07-01", messageKey: "renewal-lapsed-fiscal" });
    expect(renewalStart({ previousValidTo: "2023-10-31", paidOn: "2024-02-15" }, BEFORE)).toMatchObject({ rule: "short_gap", gapDays: 107 });
  });
  it("loads both rules with their dates and picks the one in force on the payment day", async () => {
    const { createTestDb } = await import("../../helpers/test-db");
    const { loadWaitingRules, waitingRuleOn } = await import("../../../src/core/cards/renewal-start");
    const db = createTestDb();
    const rules = await loadWaitingRules(db);
    expect(waitingRuleOn(rules, "2025-06-30")).toMatchObject({ gapUnit: "fiscal_months", gapLength: 3, waitDays: 30 });
    expect(waitingRuleOn(rules, "2025-07-01")).toMatchObject({ gapUnit: "days", gapLength: 90, waitDays: 30 });
    db.close();
  });
  it("reads a changed waiting rule at once, whether this process or another wrote it (the rules are cached per database)", async () => {
    const { loadWaitingRules, waitingRuleOn } = await import("../../../src/core/cards/renewal-start");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { openSqliteDb } = await import("../../../src/entry/sqlite-db");
    const path = join(mkdtempSync(join(tmpdir(), "waiting-rules-")), "db.sqlite");
    const db = openSqliteDb(path);
    const other = openSqliteDb(path, { migrate: false });
    expect(waitingRuleOn(await loadWaitingRules(db), "2025-07-01")?.gapLength).toBe(90);
    expect(await loadWaitingRules(db)).toBe(await loadWaitingRules(db));
    db.sqlite.prepare("update waiting_rules set gap_length = 60 where gap_unit = 'days'").run();
    expect(waitingRuleOn(await loadWaitingRules(db), "2025-07-01")?.gapLength).toBe(60);
    other.sqlite.prepare("update waiting_rules set gap_length = 75 where gap_unit = 'days'").run();
    expect(waitingRuleOn(await loadWaitingRules(db), "2025-07-01")?.gapLength).toBe(75);
    other.close();
    db.close();
  });
});
