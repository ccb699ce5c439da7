import { beforeEach, describe, expect, it } from "vitest";
import type { InboundMessage, Reply } from "../../../src/core/conversation/types";
import { createInvite } from "../../../src/core/officers/invites";
import type { Protector } from "../../../src/core/privacy/protector";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { localDate } from "../../../src/core/time/local-date";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createDemoConversation } from "../../helpers/demo-conversation";

// Today from the clock: the demo projects this year's targets and baselines onto any date.
const NOW = new Date();
const TODAY = localDate(NOW);
const YEAR = Number(TODAY.slice(0, 4));

let db: SqliteDb;
let protector: Protector;
let handle: (m: InboundMessage) => Promise<Reply[]>;

beforeEach(async () => {
  ({ db, protector, handle } = await createDemoConversation(TODAY, { activity: true }));
});

async function officer(senderId: string, role: "collector" | "commune", village?: string) {
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const unitId = village ? (await resolveUnit(db, village, { parentId: commune.id })).id : undefined;
  const say = async (text: string) => (await handle({ channel: "telegram", senderId, text, receivedAt: NOW })).map((r) => r.text).join("\n");
  await say((await createInvite(db, protector, { communeId: commune.id, unitId, role })).code);
  return say;
}

const xuanThanh = async () => (await resolveUnit(db, "Xuân Thành")).id;
const progressOf = async (unitId: number) => unitProgress(db, { unitId, year: YEAR, today: TODAY });
/** Vietnamese number as the replies print it: 1.234,5 */
const vi = (n: number) => new Intl.NumberFormat("vi").format(n);

describe("progress replies: a share of the target is not population coverage", () => {
  it("the tally confirmation names the share of the target, then coverage with its sum, renewals apart", async () => {
    const say = await officer("601", "commune");
    const before = await progressOf(await xuanThanh());
    const reply = await say("Xuân Thành cấp mới GD 5, gia hạn GD 3");
    const p = await progressOf(await xuanThanh());
    // Renewals never add to the insured count; new participants do.
    expect(p.insured).toBe(before.insured + 5);
    expect(p.renewalsYearToDate).toBe((before.renewalsYearToDate ?? 0) + 3);
    const target = p.target!.targetCount!;
    const ofTarget = Math.round((p.insured / target) * 1000) / 10;
    expect(reply).toContain(`Thôn Xuân Thành: ${vi(p.insured)}/${vi(target)} người, đạt ${vi(ofTarget)} % chỉ tiêu`);
    const net = p.reportedSinceBaseline - p.lapsedSinceBaseline;
    const sum = p.baseline
      ? `đầu kỳ ${vi(p.baseline.insuredCount)} + mới ${vi(p.reportedSinceBaseline)} − hết hạn ${vi(p.lapsedSinceBaseline)} (thực ${net < 0 ? "giảm" : "tăng"} ${vi(Math.abs(net))})`
      : `mới ${vi(p.reportedSinceBaseline)} từ đầu năm (chưa có số đầu kỳ); chưa trừ thẻ hết hạn`;
    expect(p.rate).toBe(Math.round((p.insured / p.target!.population!) * 10_000) / 100);
    expect(reply).toContain(`Bao phủ ${vi(p.rate!)} % dân số = ${sum}; gia hạn ${vi(p.renewalsYearToDate!)} người tính riêng.`);
    expect(reply).toContain("Tham gia mới: hôm nay");
    // The two percentages are different figures: the share of the target is never labelled coverage.
    expect(ofTarget).not.toBe(p.rate);
    expect(reply).not.toMatch(/\(\d+(,\d+)? %\) — còn thiếu/);
  });

  it("/tiendo gives the commune's coverage rule once, and each village its share of the target", async () => {
    const say = await officer("602", "commune");
    await say("Xuân Thành gia hạn GD 4");
    const reply = await say("/tiendo");
    const lines = reply.split("\n");
    const coverage = lines.filter((l) => l.startsWith("Bao phủ") || l.startsWith("Số tham gia"));
    expect(coverage).toHaveLength(1);
    expect(coverage[0]).toMatch(/= (đầu kỳ [\d.]+ \+ mới [\d.]+ − hết hạn [\d.]+ \(thực (tăng|giảm) [\d.]+\)|mới [\d.]+ từ đầu năm)/);
    expect(coverage[0]).toContain("gia hạn 4 người tính riêng");
    expect(lines.filter((l) => /^\d+\. Thôn .*% chỉ tiêu/.test(l)).length).toBe(7);
  });

  it("a collector's /tiendo gives the rule for their village, in English too", async () => {
    const say = await officer("603", "collector", "Xuân Thành");
    await say("/ngonngu en");
    const reply = await say("/tiendo");
    expect(reply).toMatch(/Thôn Xuân Thành: [\d,]+\/[\d,]+ people, [\d.]+ % of the target/);
    expect(reply).toMatch(/(Coverage [\d.]+ % of the population|[\d,]+ enrolled \(no population to work out coverage\)) = /);
    expect(reply).toMatch(/(new − [\d,]+ lapsed \(net (gain|loss) [\d,]+\)|lapsed cards not subtracted); 0 renewals counted apart\./);
  });
});
