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
