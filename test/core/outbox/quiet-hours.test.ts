import { describe, expect, it } from "vitest";
import { isQuietTime, parseQuietHours, quietEndsAt } from "../../../src/core/outbox/quiet-hours";
import { createPacer } from "../../../src/core/outbox/pacer";
import { retryDelayMs, DEFAULT_RETRY_POLICY } from "../../../src/core/outbox/backoff";

const TZ = "Asia/Ho_Chi_Minh";
const night = parseQuietHours("21:00-07:00")!;

describe("quiet hours", () => {
  it("parses HH:MM-HH:MM and off", () => {
    expect(night).toEqual({ startMinute: 21 * 60, endMinute: 7 * 60 });
    expect(parseQuietHours("off")).toBeUndefined();
    expect(parseQuietHours("12:00-12:00")).toBeUndefined();
    expect(() => parseQuietHours("9pm-7am")).toThrow();
  });

  it.each([
    ["2025-11-15T13:59:59Z", false], // 20:59:59 local
    ["2025-11-15T14:00:00Z", true], // 21:00
    ["2025-11-15T17:00:00Z", true], // 00:00
    ["2025-11-15T23:59:59Z", true], // 06:59:59
    ["2025-11-16T00:00:00Z", false], // 07:00
    ["2025-11-16T05:00:00Z", false], // 12:00
  ])("%s quiet in Hà Nội: %s", (iso, quiet) => {
    expect(isQuietTime(new Date(iso), night, TZ)).toBe(quiet);
  });

  it("handles a window that does not cross midnight, and no window at all", () => {
    const lunch = parseQuietHours("11:30-13:30")!;
    expect(isQuietTime(new Date("2025-11-15T05:00:00Z"), lunch, TZ)).toBe(true); // 12:00
    expect(isQuietTime(new Date("2025-11-15T07:00:00Z"), lunch, TZ)).toBe(false); // 14:00
    expect(isQuietTime(new Date("2025-11-15T17:00:00Z"), undefined, TZ)).toBe(false);
  });

  it("ends at the next local 07:00, before or after midnight", () => {
    expect(quietEndsAt(new Date("2025-11-15T15:30:12.345Z"), night, TZ)).toEqual(new Date("2025-11-16T00:00:00Z"));
    expect(quietEndsAt(new Date("2025-11-15T20:00:00Z"), night, TZ)).toEqual(new Date("2025-11-16T00:00:00Z"));
  });
});

describe("pacer", () => {
  it("hands out slots 1/rate apart, restarts after idling, and honours a pause", () => {
    let now = 0;
    const pacer = createPacer(3, () => now);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 334, 667, 1000]);
    now = 10_000;
    expect(pacer.peek()).toBe(10_000);
    expect(pacer.reserve()).toBe(10_000);
    pacer.pause(15_000);
    expect(pacer.reserve()).toBe(15_000);
    expect(pacer.reserve(20_000)).toBe(20_000);
    expect(pacer.reserve()).toBe(20_334);
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s up to an hour, and lets retry_after win", () => {
    expect([1, 2, 3, 8, 20].map((n) => retryDelayMs(n, DEFAULT_RETRY_POLICY))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(5, DEFAULT_RETRY_POLICY, 3)).toBe(3000);
  });
});
