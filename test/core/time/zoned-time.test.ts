import { describe, expect, it } from "vitest";
import { zonedClock, zonedTime } from "../../../src/core/time/zoned-time";

describe("zonedClock", () => {
  it("gives the instant of a local time in its zone, on either side of a DST change, as zonedTime does", () => {
    const hanoi = zonedClock("Asia/Ho_Chi_Minh");
    expect(hanoi("2026-06-22", "00:00").toISOString()).toBe("2026-06-21T17:00:00.000Z");
    expect(hanoi("2026-06-22", "08:30").toISOString()).toBe("2026-06-22T01:30:00.000Z");
    const berlin = zonedClock("Europe/Berlin");
    expect(berlin("2026-03-28", "12:00").toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(berlin("2026-03-30", "12:00").toISOString()).toBe("2026-03-30T10:00:00.000Z");
    expect(zonedTime("2026-03-30", "12:00", "Europe/Berlin")).toEqual(berlin("2026-03-30", "12:00"));
  });
});
