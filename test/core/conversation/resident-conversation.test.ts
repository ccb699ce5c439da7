import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { InboundMessage, Reply } from "../../../src/core/conversation/types";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { auditLog, consents, contacts, outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestProtector } from "../../helpers/test-db";
import { createDemoConversation } from "../../helpers/demo-conversation";
import { fitSms } from "../../../src/core/sms/fit-sms";

const TODAY = "2025-11-15";
let now = new Date("2025-11-15T03:00:00Z");
let db: SqliteDb;
let handle: (m: InboundMessage) => Promise<Reply[]>;
const roster = generateDemoRoster(TODAY);
const household = roster.find((p) => p.groupCode === "GD" && p.validTo < "2025-12-10" && p.validTo >= TODAY)!;
const child = roster.find((p) => p.groupCode === "TE")!;
const vnDate = (iso: string) => iso.split("-").reverse().join("/");

beforeEach(async () => {
  now = new Date("2025-11-15T03:00:00Z");
  ({ db, handle } = await createDemoConversation(TODAY));
});

function resident(senderId: string, channel: InboundMessage["channel"] = "telegram") {
  return async (input: string | { action: string }) => {
    const content = typeof input === "string" ? { text: input } : input;
    const replies = await handle({ channel, senderId, ...content, receivedAt: now });
    return replies[0]!;
  };
}

async function lookUp(say: ReturnType<typeof resident>, id: string, dob: string) {
  const ask = await say(id);
  expect(ask.text).toContain("ngày sinh");
  return say(dob);
}

describe("a resident checks a card", () => {
  it("asks for the date of birth first, then shows masked name, validity, status, benefit and what renewal means", async () => {
    const say = resident("9001");
    const shown = await lookUp(say, household.cardCode.toLowerCase().replace(/(.{5})/g, "$1 "), vnDate(household.dateOfBirth));
    const surname = household.fullName.split(" ")[0]!;
    expect(shown.text).toContain(`${[...surname][0]}***`);
    expect(shown.text).not.toContain(household.fullName);
    expect(shown.text).toContain(`đến ${vnDate(household.validTo)}`);
    expect(shown.text).toMatch(/sắp hết hạn, còn \d+ ngày/);
    expect(shown.text).toContain("Mã quyền lợi 4: mức hưởng 80%");
    expect(shown.text).toContain("người tham gia tự gia hạn");
    expect(shown.text).toContain(`thẻ mới có giá trị ngay sau ngày thẻ cũ hết hạn`);
    expect(shown.text).toMatch(/Số tiền đóng BHYT — .*\(GD\), 12 tháng, đóng ngày 15\/11\/2025 \(lương cơ sở 2\.340\.000 đồng/);
    expect(shown.text).toContain("Người thứ 1: 100% mức đóng = 1.263.600 đồng");
    expect(shown.text).toContain("Trợ lý BHYT xã Ngọc Phụng");
    expect(shown.text).not.toContain(household.bhxhNumber);
    expect(shown.buttons?.flat()[0]?.label).toBe("Nhận tin nhắc gia hạn");
  });

  it("tells a child's family that the state renews the card", async () => {
    const shown = await lookUp(resident("9002"), child.idNumber, child.dateOfBirth);
    expect(shown.text).toContain("do Nhà nước đóng");
    expect(shown.text).not.toContain("người tham gia tự gia hạn");
  });

  it("answers an unknown card and a wrong date of birth identically, audits both, and cools down after five failures", async () => {
    const say = resident("9003");
    const unknown = await lookUp(say, "9900999999", "01/01/1990");
    const wrongDob = await lookUp(say, household.bhxhNumber, "01/01/1901");
    expect(unknown.text).toBe(wrongDob.text);
    expect(unknown.text).toContain("Không tìm thấy thẻ khớp");
    for (let i = 0; i < 3; i++) await lookUp(say, household.bhxhNumber, "02/02/1902");
    const blocked = await say(household.bhxhNumber);
    expect(blocked.text).toContain("thử lại sau 1 giờ");
    // Even the right answer waits out the hour…
    now = new Date(now.getTime() + 30 * 60_000);
    expect((await say(household.bhxhNumber)).text).toContain("thử lại sau 1 giờ");
    // …and works after it.
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth))).text).toContain("Giá trị sử dụng");
    const audit = await db.orm.select().from(auditLog);
    expect(audit.filter((a) => a.action === "card.lookup_failed")).toHaveLength(5);
    expect(audit.filter((a) => a.action === "card.lookup")).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(household.bhxhNumber);
  });

  it("asks again for a date it cannot read, and explains a malformed number", async () => {
    const say = resident("9004");
    await say(household.bhxhNumber);
    expect((await say("mùng 5 tháng 9")).text).toContain("Chưa đọc được ngày sinh");
    expect((await say(household.dateOfBirth.replace(/-/g, "").replace(/^(\d{4})(\d{2})(\d{2})$/, "$3$2$1"))).text).toContain("Giá trị sử dụng");
    expect((await say("12345678901")).text).toContain("chưa đúng dạng");
  });
});

describe("reminder consent", () => {
  it("subscribes after a verified look-up with the exact wording, and HUY withdraws it and cancels pending reminders", async () => {
    const say = resident("0100 555 001", "sms");
    const shown = await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    const asked = await say("1"); // SMS: the button's number
    // The consent's wording is shown before anything is stored, and what is stored is that wording.
    expect(asked.text).toContain("Tôi đồng ý để xã dùng mã thẻ");
    expect(asked.buttons?.flat()[0]?.label).toBe("Đồng ý");
    expect(await db.orm.select().from(consents)).toHaveLength(0);
    const subscribed = await say("1");
    expect(subscribed.text).toContain("Đã đăng ký nhắc gia hạn");
    const [consent] = await db.orm.select().from(consents);
    expect(consent).toMatchObject({ purpose: "expiry_reminders", channel: "sms", withdrawnAt: null });
    expect(consent!.wording).toContain("Tôi đồng ý");
    // By SMS the anti-scam line is short (the chat's signature would take a part of its own).
    expect(shown.text).toContain("BHXH không bao giờ hỏi mã OTP");
    const [contact] = await db.orm.select().from(contacts).where(eq(contacts.kind, "resident"));
    await db.orm.insert(outboxMessages).values({ idempotencyKey: "reminder:test", contactId: contact!.id, channel: "sms", purpose: "expiry_reminder", templateKey: "x", payload: {}, notBefore: now });
    const stopped = await say("Tu chối");
    expect(stopped.text).toContain("Đã dừng mọi tin nhắc");
    const [after] = await db.orm.select().from(consents);
    expect(after!.withdrawnAt).not.toBeNull();
    const [pending] = await db.orm.select().from(outboxMessages);
    expect(pending!.status).toBe("cancelled");
    expect((await db.orm.select().from(contacts).where(eq(contacts.id, contact!.id)))[0]!.optedOutAt).not.toBeNull();
    expect((await say("STOP")).text).toContain("Đã dừng mọi tin nhắc");
  });

  it("opts out on HUY while the date of birth is awaited, and a later number answers nothing stale", async () => {
    const say = resident("0100 555 002", "sms");
    // Mid look-up (the date not yet given), HUY is an opt-out, not a malformed date; the look-up goes with it.
    expect((await say(household.bhxhNumber)).text).toContain("ngày sinh");
    expect((await say("HUY")).text).toContain("Đã dừng mọi tin nhắc");
    expect((await say(vnDate(household.dateOfBirth))).text).toContain("Xin chào");
    // After a verified look-up, its "1. subscribe" offer goes with the opt-out: "1" does not sign up again.
    await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    expect((await say("STOP")).text).toContain("Đã dừng mọi tin nhắc");
    expect((await say("1")).text).not.toContain("Tôi đồng ý");
    expect(await db.orm.select().from(consents)).toHaveLength(0);
  });

  it("agrees to the consent by its number or by typing \"Đồng ý\" / \"dong y\", and never reads \"Đúng\" (yes) as \"Dừng\" (stop)", async () => {
    const say = resident("0100 555 003", "sms");
    await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    await say("1");
    expect((await say("dong y")).text).toContain("Đã đăng ký nhắc gia hạn");
    // A bare "dung" may be "đúng" or "dừng": it neither agrees nor stops; "Đúng" with its accent is never "stop".
    for (const yes of ["Đúng", "ĐÚNG", "dung", "Dung"]) expect((await say(yes)).text).not.toContain("Đã dừng");
    expect((await db.orm.select().from(consents))[0]!.withdrawnAt).toBeNull();
    expect((await say("Dừng")).text).toContain("Đã dừng mọi tin nhắc");
    expect((await db.orm.select().from(consents))[0]!.withdrawnAt).not.toBeNull();
  });

  it("does not take a bare \"dung\" as agreeing to the consent", async () => {
    const say = resident("0100 555 004", "sms");
    await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    await say("1");
    expect((await say("dung")).text).not.toContain("Đã đăng ký");
    expect(await db.orm.select().from(consents)).toHaveLength(0);
  });

  it("keeps one active consent when a resident subscribes twice", async () => {
    const say = resident("9005");
    await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    await say({ action: "s:sub" });
    await say({ action: "s:agree" });
    await lookUp(say, household.bhxhNumber, vnDate(household.dateOfBirth));
    await say({ action: "s:sub" });
    await say({ action: "s:agree" });
    expect(await db.orm.select().from(consents)).toHaveLength(1);
  });
});


describe("/danhsach, the door-to-door list", () => {
  it("lists a collector's self-paid cards expired or expiring within 30 days by household, with an XLSX file, and audits it", async () => {
    const { createInvite } = await import("../../../src/core/officers/invites");
    const { resolveUnit } = await import("../../../src/core/units/resolve-unit");
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const village = await resolveUnit(db, "Xuân Thành", { parentId: commune.id });
    const { code } = await createInvite(db, await createTestProtector(), { communeId: commune.id, unitId: village.id, role: "collector" });
    const say = async (text: string) => handle({ channel: "telegram", senderId: "7001", text, receivedAt: now });
    await say(code);
    const [list, file] = await say("/danhsach");
    const due = roster.filter((p) => p.villageCode === village.code && ["GD", "HS", "SV", "CN", "GB"].includes(p.groupCode) && p.validTo <= "2025-12-15");
    const stateRenewed = roster.find((p) => p.villageCode === village.code && p.groupCode === "TE" && p.validTo <= "2025-12-15");
    expect(due.length).toBeGreaterThan(0);
    expect(list!.text).toContain(`${due.length} người`);
    expect(list!.text).toContain(due[0]!.fullName);
    if (stateRenewed) expect(list!.text).not.toContain(stateRenewed.fullName);
    expect(file!.document!.fileName).toBe("danh-sach-2025-11-15.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file!.document!.bytes) as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(due.length + 1);
    const audit = await db.orm.select().from(auditLog);
    expect(audit.some((a) => a.action === "roster.door_to_door" && a.actorKind === "officer")).toBe(true);
  });
});

describe("PHI by SMS", () => {
  it("puts the total first, one line for the members who pay the same, and fits the reply's four parts whole up to the 20 members PHI accepts", async () => {
    const say = resident("0100 555 010", "sms");
    for (const members of [6, 8, 20]) {
      const reply = await say(`PHI ${members}`);
      const lines = reply.text.split("\n");
      expect(lines[1]).toMatch(/^Tổng cộng: [\d.]+ đồng\.$/);
      expect(reply.text).toContain(`Người thứ 5 ${members === 6 ? "và" : "đến"} thứ ${members}: mỗi người 40% mức đóng`);
      expect(reply.text).not.toContain("Người thứ 6:");
      expect(lines.at(-1)).toBe("BHXH không bao giờ hỏi mã OTP.");
      expect(fitSms(reply.text, 4).variant).not.toBe("truncated");
    }
    // (1 + 0.7 + 0.6 + 0.5 + 4 × 0.4) × 4.5 % × 2,340,000 × 12 on this test's date.
    expect((await say("PHI 8")).text).toContain("Tổng cộng: 5.559.840 đồng.");
    const help = await say("PHI hai");
    expect(help.text).toContain("Gửi PHI [số người trong hộ]");
    expect(help.text).not.toContain("/phi");
  });

  it("quotes a near-poor card's renewal per person, not as a household of one", async () => {
    const nearPoor = roster.find((p) => p.groupCode === "CN" && p.validTo >= TODAY)!;
    const shown = await lookUp(resident("0100 555 012", "sms"), nearPoor.bhxhNumber, vnDate(nearPoor.dateOfBirth));
    expect(shown.text).toMatch(/Gia hạn 12 tháng: [\d.]+ đồng một người\./);
    expect(shown.text).not.toContain("hộ 1 người");
  });

  it("greets an SMS resident with commands as words, not slashes", async () => {
    const welcome = await resident("0100 555 011", "sms")("xin chao");
    expect(welcome.text).toContain("ví dụ PHI 3");
    expect(welcome.text).not.toMatch(/\/(phi|sua|huy)/i);
  });
});

describe("/phi", () => {
  it("computes the household renewal fee from the same rules as bhyt fee, and explains bad input", async () => {
    const say = resident("9100");
    const three = await say("/phi 3");
    expect(three.text).toContain("Người thứ 3: 60% mức đóng = 758.160 đồng");
    expect(three.text).toContain("Tổng cộng: 2.906.280 đồng.");
    const pupil = await say("PHI 1 HS 6");
    expect(pupil.text).toContain("ngân sách hỗ trợ 50%");
    expect((await say("/phi 0")).text).toContain("ghi từ 1 đến 20 người");
    expect((await say("/phi 2 GD 5")).text).toContain("nhóm này đóng 3, 6, 12 tháng một lần");
    expect((await say("/phi hai")).text).toContain("Chưa hiểu");
  });
});
