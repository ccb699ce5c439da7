import { describe, expect, it } from "vitest";
import { createDashboardApp, signedIn } from "../../helpers/dashboard";
import { ago, createLapseWorld, inYear, NOW } from "../../core/progress/lapse-fixture";

describe("unit page: new participants, renewals and lapsed cards", () => {
  it("lists the lapsed cards by village and group, with the rule and the net", async () => {
    const w = await createLapseWorld();
    await w.say("Thôn Mẫu cấp mới GD 5, gia hạn GD 3");
    const admin = await signedIn(await createDashboardApp(w.db, NOW), w.db, "admin", "mat-khau-rat-dai-1");
    const html = await (await admin.request("/units/T-X")).text();
    const flows = /<section class="flows">(.*?)<\/section>/s.exec(html)![1]!;
    expect(flows).toContain("Tham gia mới (theo báo cáo): 5 người");
    expect(flows).toContain("Gia hạn (đã có thẻ, tính riêng, không cộng vào số có thẻ): 3 người");
    expect(flows).toContain(`Thẻ hết hạn không gia hạn (theo danh sách thẻ): ${w.lapsed} thẻ`);
    expect(flows).toContain(`Thực tăng: ${5 - w.lapsed} người`);
    expect(flows).toContain(`hết hạn từ 90 ngày trở lên (hết hạn đến ngày ${ago(90).split("-").reverse().join("/")})`);
    expect(flows).toContain("thẻ chờ 30 ngày (Luật BHYT Đ16 k3 c)");
    const rows = [...flows.matchAll(/<tr data-unit-id="\d+" data-group="(\w+)"><td>(.*?)<\/td><td>\w+<\/td><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [m[2], m[1], Number(m[3])]);
    expect(rows).toEqual([...(inYear(ago(100)) ? [["Thôn Mẫu", "GD", 1]] : []), ...(inYear(ago(95)) ? [["Thôn Mẫu", "HS", 1]] : [])]);
    // The village's insured column is the net figure.
    const village = /<tr[^>]*data-unit="T-X-1"[^>]*>(.*?)<\/tr>/.exec(html)![1]!;
    expect(village).toContain(`<td class="num insured">${200 + 5 - w.lapsed}</td>`);
  });
});
