import { beforeEach, describe, expect, it } from "vitest";
import { createLapseWorld } from "./lapse-fixture";

let w: Awaited<ReturnType<typeof createLapseWorld>>;
beforeEach(async () => {
  w = await createLapseWorld();
});

describe("the progress reply subtracts lapsed cards from the roster", () => {
  it("the tally confirmation shows new, renewals, lapsed and the net", async () => {
    const reply = await w.say("Thôn Mẫu cấp mới GD 5, gia hạn GD 3");
    const net = 5 - w.lapsed;
    const insured = 200 + net;
    expect(reply).toContain(`Thôn Mẫu: ${insured}/380 người`);
    const rate = new Intl.NumberFormat("vi").format(Math.round((insured / 400) * 10_000) / 100);
    expect(reply).toContain(`Bao phủ ${rate} % dân số = đầu kỳ 200 + mới 5 − hết hạn ${w.lapsed} (thực tăng ${net}); gia hạn 3 người tính riêng.`);
  });

  it("/tiendo says it in English too, a net loss when only lapses happened", async () => {
    await w.say("/ngonngu en");
    const reply = await w.say("/tiendo");
    expect(reply).toContain(`= baseline 200 + 0 new − ${w.lapsed} lapsed (net ${w.lapsed > 0 ? "loss" : "gain"} ${w.lapsed}); 0 renewals counted apart.`);
  });
});
