import { beforeEach, describe, expect, it } from "vitest";
import { checkResultingCoverage } from "../../../src/core/tallies/resulting-coverage";
import { createProgressWorld } from "../progress/progress-fixture";
import { TODAY, figure, type TallyWorld } from "./tally-fixture";

// Xuân Thành in the progress world: baseline 430 as of 2025-10-31, insured 445, population 903,
// HS 3 active today (see progress-fixture.ts). Room for 458 more people.
let w: TallyWorld;
beforeEach(async () => {
  w = await createProgressWorld();
});

const check = (entries: ReturnType<typeof figure>[], mode: "add" | "replace" = "add", date = TODAY) => checkResultingCoverage(w.db, { date, today: TODAY, entries, mode });

describe("checkResultingCoverage: the village's insured count after saving, against its population", () => {
  it("allows up to the population and refuses one more, naming the count, the total and the population", async () => {
    expect(await check([figure(w.village.xuanThanh, "GD", 458)])).toBeUndefined();
    expect(await check([figure(w.village.xuanThanh, "GD", 400), figure(w.village.xuanThanh, "SV", 59)])).toEqual({
      ok: false,
      code: "above_population",
      messageKey: "tally-above-population-total",
      args: { unit: "Thôn Xuân Thành", insured: 445, after: 904, population: 903 },
    });
  });

  it("takes away what a correction supersedes", async () => {
    expect(await check([figure(w.village.xuanThanh, "HS", 461)], "replace")).toBeUndefined();
    expect(await check([figure(w.village.xuanThanh, "HS", 462)], "replace")).toMatchObject({ args: { after: 904 } });
    expect(await check([figure(w.village.xuanThanh, "HS", 462)], "add")).toMatchObject({ args: { after: 907 } });
  });

  it("counts only what progress counts: not renewals, not days up to the baseline date", async () => {
    expect(await check([figure(w.village.xuanThanh, "GD", 500, "bhyt_renewal")])).toBeUndefined();
    expect(await check([figure(w.village.xuanThanh, "GD", 500)], "add", "2025-10-31")).toBeUndefined();
    expect(await check([figure(w.village.xuanThanh, "GD", 500)], "add", "2025-11-01")).toMatchObject({ args: { after: 945 } });
  });
});
