import { describe, expect, it } from "vitest";
import { createDepartureWindow } from "../../../src/core/outbox/pacer";

describe("createDepartureWindow", () => {
  it("holds a send until no window holds more than its limit of actual departures", () => {
    const w = createDepartureWindow(3, 1000);
    expect(w.delay(0)).toBe(0);
    for (const at of [0, 10, 20]) w.record(at);
    // A fourth departure before the first one's window has passed waits for it.
    expect(w.delay(500)).toBe(500);
    expect(w.delay(1000)).toBe(0);
    w.record(1000);
    // Now the oldest of the last three is the one at 10.
    expect(w.delay(1005)).toBe(5);
  });
});
