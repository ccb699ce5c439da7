import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { InboundMessage, Reply } from "../../../src/core/conversation/types";
import { createInvite } from "../../../src/core/officers/invites";
import type { Protector } from "../../../src/core/privacy/protector";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { tallyEntries } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createDemoConversation } from "../../helpers/demo-conversation";

// The day the defects were found by playing SMS conversations: the demo's season up to it.
const TODAY = "2026-12-07";
const NOW = new Date("2026-12-07T03:00:00Z"); // 10:00 in Hà Nội

let db: SqliteDb;
let protector: Protector;
let handle: (m: InboundMessage) => Promise<Reply[]>;

beforeEach(async () => {
  ({ db, protector, handle } = await createDemoConversation(TODAY, { activity: true }));
});

/** An officer of Ngọc Phụng texting by SMS (a collector of Xuân Thành unless `commune`). */
async function officer(phone: string, role: "collector" | "commune" = "collector") {
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const unitId = role === "collector" ? (await resolveUnit(db, "Xuân Thành", { parentId: commune.id })).id : undefined;
  const say = async (input: string | { action: string }, channel: InboundMessage["channel"] = "sms") =>
    handle({ channel, senderId: phone, ...(typeof input === "string" ? { text: input } : input), receivedAt: NOW });
  await say((await createInvite(db, protector, { communeId: commune.id, unitId, role })).code);
  return say;
}

const text = (replies: Reply[]) => replies.map((r) => r.text).join("\n");
const vi = (n: number) => new Intl.NumberFormat("vi").format(n);

async function xuanThanh() {
  const unitId = (await resolveUnit(db, "Xuân Thành")).id;
  const p = await unitProgress(db, { unitId, year: 2026, today: TODAY });
  const population = p.target!.population!;
  return { unitId, insured: p.insured, population, room: population - p.insured };
}

const activeToday = async (unitId: number, group: string) =>
  (await db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.unitId, unitId), eq(tallyEntries.reportDate, TODAY), eq(tallyEntries.groupCode, group), eq(tallyEntries.status, "active")))).reduce(
    (n, e) => n + e.count,
    0,
  );

describe("a report that would take a village above its population", () => {
  it("is refused on 'Cộng thêm', naming the count, the total it would make and the population; nothing is saved", async () => {
    const say = await officer("0912000801");
    const v = await xuanThanh();
    // Each figure alone is within the population (the parser's check passes); the two added are not.
    expect(v.room).toBeGreaterThan(10);
    const figure = Math.ceil(v.room * 0.6);
    expect(text(await say(`Xuân Thành HS ${figure}`))).toContain("Đã ghi nhận");
    const question = await say(`Xuân Thành HS ${figure}`);
    expect(question[0]!.buttons!.flat().map((b) => b.label)).toEqual(["Cộng thêm", "Thay thế", "Hủy"]);

    const refused = text(await say("1"));
    expect(refused).toBe(
      `Thôn Xuân Thành hiện có ${vi(v.insured + figure)} người tham gia BHYT; lưu báo cáo này sẽ thành ${vi(v.insured + 2 * figure)} người, ` +
        `nhiều hơn dân số của thôn (${vi(v.population)} người). Số liệu chưa được lưu. Vui lòng kiểm tra lại.`,
    );
    expect(await activeToday(v.unitId, "HS")).toBe(figure);
    expect((await xuanThanh()).insured).toBe(v.insured + figure);

    // Replacing the figure instead stays within the population, and is saved.
    await say(`Xuân Thành HS ${figure}`);
    expect(text(await say("2"))).toContain("Đã thay thế số cũ");
    expect(await activeToday(v.unitId, "HS")).toBe(figure);
  });

  it("is refused without asking 'add or replace?' when even replacing would exceed it", async () => {
    const say = await officer("0912000802");
    const v = await xuanThanh();
    await say("Xuân Thành HS 2");
    // Replacing 2 by room + 1 makes population + 1; the figure alone is within the population.
    const [reply] = await say(`Xuân Thành HS ${v.room + 1}`);
    expect(reply!.buttons).toBeUndefined();
    expect(reply!.text).toContain(`lưu báo cáo này sẽ thành ${vi(v.population + 1)} người, nhiều hơn dân số của thôn (${vi(v.population)} người)`);
    expect(await activeToday(v.unitId, "HS")).toBe(2);
  });

  it("is refused as a correction (SUA) too, while a correction downwards is always saved", async () => {
    const say = await officer("0912000803");
    const v = await xuanThanh();
    expect(v.insured).toBeGreaterThan(0);
    expect(text(await say(`SUA Xuân Thành GD ${v.room + 1}`))).toContain("Số liệu chưa được lưu");
    expect(await activeToday(v.unitId, "GD")).toBe(0);
    await say("Xuân Thành GD 3");
    expect(text(await say("SUA Xuân Thành GD 1"))).toContain("Đã thay thế số cũ");
    expect(await activeToday(v.unitId, "GD")).toBe(1);
  });

  it("is refused at the last step of the guided report (BAOCAO), answered by number as on a phone", async () => {
    const say = await officer("0912000804");
    const v = await xuanThanh();
    const choice = (reply: Reply | undefined, label: string) => String(reply!.buttons!.flat().findIndex((b) => b.label.startsWith(label)) + 1);
    // One village: the guided report starts at the group.
    const [groups] = await say("BAOCAO");
    const [count] = await say(choice(groups, "GD"));
    expect(count!.text).toContain("GD");
    const [confirm] = await say(String(v.room + 1));
    const [refused] = await say(choice(confirm, "Lưu"));
    expect(refused!.text).toContain(`sẽ thành ${vi(v.population + 1)} người, nhiều hơn dân số của thôn`);
    expect(await activeToday(v.unitId, "GD")).toBe(0);
  });

  it("says so in English", async () => {
    const say = await officer("0912000805");
    await say("NGONNGU en");
    const v = await xuanThanh();
    expect(text(await say(`Xuân Thành GD ${v.room + 1}`))).toBe(
      `Thôn Xuân Thành has ${v.insured.toLocaleString("en")} people insured; saving this report would make ${(v.population + 1).toLocaleString("en")}, more than its population (${v.population.toLocaleString("en")}). Nothing was saved. Please check.`,
    );
  });
});

describe("a day not yet come this year, written without the year", () => {
  it("tells a collector which days they can report for, never a date of last year that the 7-day rule refuses", async () => {
    const say = await officer("0912000811");
    const reply = text(await say("10/12 Xuân Thành GD 1"));
    expect(reply).toBe(
      'Ngày "10/12" năm nay là 10/12/2026, chưa tới nên chưa báo cáo trước được. Anh/chị báo cáo được cho các ngày từ 30/11/2026 đến hôm nay (số liệu hôm nay thì gửi lại không ghi ngày); số liệu cũ hơn xin nhờ cán bộ xã nhập bù.',
    );
    expect(reply).not.toContain("2025");
    // Each way out it names is saved.
    expect(text(await say("30/11 Xuân Thành GD 1"))).toContain("Đã ghi nhận: 30/11/2026");
    expect(text(await say("Xuân Thành GD 1"))).toContain("Đã ghi nhận: 07/12/2026");
  });

  it("a collector's 29/02 in a year without one gets the same way out, not a leap year's date", async () => {
    const say = await officer("0912000812");
    const reply = text(await say("29/02 Xuân Thành GD 1"));
    expect(reply).toContain('Ngày "29/02" không nằm trong 7 ngày gần đây');
    expect(reply).toContain("từ 30/11/2026 đến hôm nay");
    expect(reply).not.toMatch(/29\/02\/20\d\d/);
  });

  it("still offers last year's date to a commune officer, who may back-fill it", async () => {
    const say = await officer("0912000813", "commune");
    expect(text(await say("10/12 Xuân Thành GD 1"))).toContain("gửi lại kèm năm: 10/12/2025");
    expect(text(await say("10/12/2025 Xuân Thành GD 1"))).toContain("Đã ghi nhận: 10/12/2025");
  });
});
