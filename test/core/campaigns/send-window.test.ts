import { describe, expect, it } from "vitest";
import { campaignClock, firstOpenDay } from "../../../src/core/campaigns/send-window";
import { zonedTime } from "../../../src/core/time/zoned-time";

const TZ = "Asia/Ho_Chi_Minh";
const at = (hhmm: string) => zonedTime("2026-12-07", hhmm, TZ);

describe("campaign send window", () => {
  it("follows the campaign_messages job: ahead before 08:30, open until 20:00, then closed", () => {
    expect(["07:59", "08:29", "08:30", "19:59", "20:00", "23:59"].map((t) => campaignClock(at(t), TZ))).toEqual(["ahead", "ahead", "open", "open", "closed", "closed"]);
  });

  it("moves the first day that can still be sent to tomorrow once today has closed", () => {
    expect(firstOpenDay(at("00:00"), TZ)).toBe("2026-12-07");
    expect(firstOpenDay(at("19:59"), TZ)).toBe("2026-12-07");
    expect(firstOpenDay(at("20:00"), TZ)).toBe("2026-12-08");
  });
});
