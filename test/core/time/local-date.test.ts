import { describe, expect, it } from "vitest";
import { localDate } from "../../../src/core/time/local-date";

describe("localDate", () => {
  it("turns the date at local midnight, also when the same quarter hour was asked just before", () => {
    // Vietnam (UTC+7): midnight is 17:00 UTC.
    expect(localDate(new Date("2025-11-14T16:59:59.999Z"))).toBe("2025-11-14");
    expect(localDate(new Date("2025-11-14T17:00:00.000Z"))).toBe("2025-11-15");
    expect(localDate(new Date("2025-11-14T16:59:59.999Z"))).toBe("2025-11-14");
  });

  it("keeps zones apart and handles offsets off the hour", () => {
    // Nepal is UTC+05:45: midnight is 18:15 UTC.
    expect(localDate(new Date("2025-11-14T18:14:59Z"), "Asia/Kathmandu")).toBe("2025-11-14");
    expect(localDate(new Date("2025-11-14T18:15:00Z"), "Asia/Kathmandu")).toBe("2025-11-15");
    expect(localDate(new Date("2025-11-14T18:14:59Z"), "Asia/Ho_Chi_Minh")).toBe("2025-11-15");
    expect(localDate(new Date("2025-11-14T18:14:59Z"), "UTC")).toBe("2025-11-14");
  });
});
