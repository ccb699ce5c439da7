import { describe, expect, it } from "vitest";
import { TRAILING_HOURS, evaluateLookupAlarm, lookupAlarm } from "../../../src/core/alerts/lookup-alarm";
import { LOOKUP_FAILED, LOOKUP_OK } from "../../../src/core/residents/lookup-guard";
import { auditLog } from "../../../src/db/schema";
import { createTestDb } from "../../helpers/test-db";

const rule = { multiple: 5, floor: 20 };

describe("evaluateLookupAlarm", () => {
  it("uses the floor when the trailing week was quiet", () => {
    expect(evaluateLookupAlarm({ lastHour: 19, trailing: 0 }, rule)).toMatchObject({ raised: false, threshold: 20 });
    expect(evaluateLookupAlarm({ lastHour: 20, trailing: 0 }, rule)).toMatchObject({ raised: true, threshold: 20 });
  });

  it("needs a multiple of the trailing hourly average once that is above the floor", () => {
    // 10 failures an hour all week: 5 × 10 = 50 is the bar, not 20.
    const trailing = 10 * TRAILING_HOURS;
    expect(evaluateLookupAlarm({ lastHour: 49, trailing }, rule)).toMatchObject({ raised: false, threshold: 50, hourlyAverage: 10 });
    expect(evaluateLookupAlarm({ lastHour: 50, trailing }, rule).raised).toBe(true);
  });

  it("rounds the bar up, so a fractional average never lowers it", () => {
    expect(evaluateLookupAlarm({ lastHour: 50, trailing: 10.1 * TRAILING_HOURS }, rule)).toMatchObject({ raised: false, threshold: 51 });
  });
});

describe("lookupAlarm", () => {
  const now = new Date("2025-11-15T03:00:00Z");
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);

  it("counts only failed look-ups, the last hour against the week before it", async () => {
    const db = createTestDb();
    const row = (action: string, minutesAgo: number) => ({ at: at(minutesAgo), actorKind: "resident" as const, actorId: `sms:${minutesAgo}`, action });
    await db.orm.insert(auditLog).values([
      ...Array.from({ length: 20 }, (_, i) => row(LOOKUP_FAILED, i)),
      ...Array.from({ length: 30 }, (_, i) => row(LOOKUP_OK, i)),
      // Trailing week: 168 failures, one an hour on average.
      ...Array.from({ length: TRAILING_HOURS }, (_, i) => row(LOOKUP_FAILED, 61 + i * 60)),
      // Older than the window: ignored.
      row(LOOKUP_FAILED, 61 + TRAILING_HOURS * 60 + 5),
    ]);
    expect(await lookupAlarm(db, rule, now)).toEqual({ raised: true, lastHour: 20, hourlyAverage: 1, threshold: 20 });
    expect((await lookupAlarm(db, { multiple: 25, floor: 20 }, now)).raised).toBe(false);
    db.close();
  });
});
