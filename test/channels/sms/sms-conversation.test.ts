import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createApp, type App } from "../../../src/app";
import { parseConfig, type Config } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { tallyEntries } from "../../../src/db/schema";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { ensureDemoActivity } from "../../../src/core/demo/demo-activity";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { createInvite } from "../../../src/core/officers/invites";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { createDispatcher } from "../../../src/core/outbox/dispatcher";
import { countSegments } from "../../../src/core/sms/segments";
import { localDate } from "../../../src/core/time/local-date";
import { addDays } from "../../../src/core/time/day-math";
import { createSenders } from "../../../src/channels/senders";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import type { Protector } from "../../../src/core/privacy/protector";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { startFakeHttp } from "../../helpers/fake-http";

// Whole SMS conversations: signed webhooks in, the outbox dispatcher out through a local
// SMSGate, and every reply read as the phone receives it (text, encoding, parts).
const NOW = new Date();
const TODAY = localDate(NOW, "Asia/Ho_Chi_Minh");
const KEY = "smsgate-signing-key";
/** Parts an officer's reply may take (SMS_REPLY_SEGMENTS). */
const MAX_PARTS = 4;

let gateway: Awaited<ReturnType<typeof startFakeHttp>>;
let app: App;
let db: SqliteDb;
let protector: Protector;
let config: Config;
let codes: { collector: string; commune: string };
let eventId = 0;

interface Sms { to: string; text: string; encoding: string; parts: number }

async function text(from: string, body: string): Promise<Sms[]> {
  const payload = JSON.stringify({ deviceId: "d1", event: "sms:received", id: `in-${++eventId}`, webhookId: "w1", payload: { messageId: `m${eventId}`, message: body, phoneNumber: from, receivedAt: NOW.toISOString() } });
  const ts = String(Math.floor(NOW.getTime() / 1000));
  const res = await app.request("/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": createHmac("sha256", KEY).update(payload + ts).digest("hex"), "x-timestamp": ts }, body: payload });
  expect(res.status).toBe(200);
  const before = gateway.requests.length;
  const dispatcher = createDispatcher({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders: createSenders(config, { db, protector, logger: silentLogger }), now: () => NOW });
  await dispatcher.dispatchOnce();
  return gateway.requests.slice(before).map((r) => {
    const sent = JSON.parse(r.body) as { textMessage: { text: string }; phoneNumbers: string[] };
    const counted = countSegments(sent.textMessage.text);
    return { to: sent.phoneNumbers[0]!, text: sent.textMessage.text, encoding: counted.encoding, parts: counted.segments };
  });
}

beforeAll(async () => {
  gateway = await startFakeHttp((_req, n) => ({ status: 202, body: { id: `gw-${n}`, state: "Pending" } }));
  db = createTestDb();
  protector = await createTestProtector();
  await seedDemo({ db, protector, today: TODAY });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const village = await resolveUnit(db, "Xuân Thành", { parentId: commune.id });
  codes = {
    collector: (await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector" })).code,
    commune: (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code,
  };
  config = parseConfig({ SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: gateway.baseUrl, SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: KEY, SMS_RATE_PER_SECOND: "100", QUIET_HOURS: "off" });
  app = createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW });
});
afterAll(() => gateway.close());

const expectSms = (replies: Sms[]) => {
  expect(replies.length).toBeGreaterThan(0);
  for (const r of replies) expect(r.parts, r.text).toBeLessThanOrEqual(MAX_PARTS);
};

describe("SMS as a channel of its own", () => {
  it("welcome and help show SMS commands: words without a slash, no /lienket", async () => {
    const welcome = await text("0912000101", codes.collector);
    expectSms(welcome);
    expect(welcome[0]!.to).toBe("+84912000101");
    for (const reply of [welcome, await text("0912000101", "TROGIUP"), await text("0912000101", "help")]) {
      // No slash commands ("anh/chị" is not one).
      expect(reply[0]!.text).not.toMatch(/(^|\s)\/\w/);
      expect(reply[0]!.text.toLowerCase()).not.toContain("lienket");
      expect(reply[0]!.text).toMatch(/TIENDO[\s\S]*DANHSACH/);
    }
    const unknown = await text("0912000101", "LIENKET");
    expect(unknown[0]!.text).not.toMatch(/(^|\s)\/\w/);
  });

  it("every command works without a slash, and DANHSACH is not read as an invite code", async () => {
    const progress = await text("0912000101", "tiendo");
    expectSms(progress);
    expect(progress[0]!.text).toMatch(/Xuân Thành|Xuan Thanh/);
    const list = await text("0912000101", "DANHSACH");
    expectSms(list);
    expect(list[0]!.text).not.toMatch(/ma moi|mã mời/i);
    expect(list[0]!.text).toMatch(/\d+ h/);
  });

  it("DANHSACH over SMS: the count, the first households and how to get the rest, page by page, no Excel caption", async () => {
    await text("0912000201", codes.commune);
    const first = await text("0912000201", "DANHSACH");
    expect(first).toHaveLength(1);
    expectSms(first);
    expect(first[0]!.text).not.toMatch(/excel/i);
    expect(first[0]!.text).toMatch(/\n1\. /);
    const next = /DANHSACH (\d+)/.exec(first[0]!.text);
    expect(next, first[0]!.text).not.toBeNull();
    const second = await text("0912000201", `DANHSACH ${next![1]}`);
    expectSms(second);
    const firstOnSecond = /\n(\d+)\. /.exec(second[0]!.text);
    expect(Number(firstOnSecond![1])).toBeGreaterThan(1);
    expect((await text("0912000201", "DANHSACH 999"))[0]!.text).toMatch(/DANHSACH/);
  });

  it("HUY answering 'add or replace? 3. Hủy' cancels the question; the saved report stays", async () => {
    const saved = await text("0912000101", "Xuân Thành GD 12");
    expectSms(saved);
    const question = await text("0912000101", "Xuân Thành GD 5");
    expect(question[0]!.text).toMatch(/\n3\. Huy|\n3\. Hủy/);
    const cancelled = await text("0912000101", "HUY");
    expectSms(cancelled);
    const gd = await db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.groupCode, "GD"), eq(tallyEntries.status, "active")));
    expect(gd.map((e) => e.count)).toEqual([12]);
    // With no question pending, HUY undoes the last report as before.
    await text("0912000101", "HUY");
    expect(await db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.groupCode, "GD"), eq(tallyEntries.status, "active")))).toHaveLength(0);
  });

  it("a reply that goes out unaccented keeps its typography readable in GSM-7 (no '?')", async () => {
    const replies = [...(await text("0912000101", "TROGIUP")), ...(await text("0912000201", "DANHSACH"))];
    for (const r of replies) if (r.encoding === "gsm7") expect(r.text, r.text).not.toContain("?");
  });

  it("a resident's card look-up fits two parts and keeps status, end date, the amount, where to pay and the choice to subscribe", async () => {
    const roster = generateDemoRoster(TODAY);
    const household = roster.find((r) => r.groupCode === "GD" && r.validTo > TODAY)!;
    const ask = await text("0912000301", household.cardCode);
    expect(ask).toHaveLength(1);
    expect(ask[0]!.parts, ask[0]!.text).toBeLessThanOrEqual(2);
    const shown = await text("0912000301", household.dateOfBirth.split("-").reverse().join("/"));
    expect(shown).toHaveLength(1);
    const sms = shown[0]!;
    // Two parts accented, else two unaccented: never the chat's page cut with an ellipsis.
    expect(sms.parts, sms.text).toBeLessThanOrEqual(2);
    expect(sms.text).not.toContain("…");
    const plain = sms.text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d");
    expect(plain).toContain(household.validTo.split("-").reverse().join("/"));
    expect(plain).toMatch(/muc huong \d+%/);
    expect(plain).toMatch(/Gia han 12 thang, ho \d+ nguoi: [\d.]+ dong/);
    expect(plain).toMatch(/VssID/);
    expect(plain).toMatch(/OTP/);
    expect(plain).toMatch(/\n1\. Nhan tin nhac gia han/);
    const subscribed = await text("0912000301", "1");
    expect(subscribed[0]!.parts, subscribed[0]!.text).toBeLessThanOrEqual(2);
    expect(subscribed[0]!.text.normalize("NFD").replace(/\p{M}/gu, "")).toMatch(/HUY/);
  });

  it("a card the state renews says so in one line, and an unknown card gets the same answer as a wrong date", async () => {
    const roster = generateDemoRoster(TODAY);
    const child = roster.find((r) => r.groupCode === "TE")!;
    await text("0912000302", child.idNumber);
    const shown = await text("0912000302", child.dateOfBirth.split("-").reverse().join("/"));
    expect(shown[0]!.parts, shown[0]!.text).toBeLessThanOrEqual(2);
    expect(shown[0]!.text.normalize("NFD").replace(/\p{M}/gu, "")).toMatch(/Nha nuoc dong den|tu dong/i);
    await text("0912000303", "9900999999");
    const unknown = await text("0912000303", "01/01/1990");
    await text("0912000304", child.idNumber);
    const wrong = await text("0912000304", "01/01/1901");
    expect(unknown[0]!.text).toBe(wrong[0]!.text);
    expect(unknown[0]!.parts).toBeLessThanOrEqual(2);
  });
});

describe("SMS: a far or impossible date is asked about and confirmed by number", () => {
  const dmy = (iso: string) => iso.split("-").reverse().join("/");
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const year = Number(TODAY.slice(0, 4));
  const savedOn = async (date: string) => db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.reportDate, date), eq(tallyEntries.status, "active")));

  it("29/02 in a non-leap year (or a date over ten months back): '1. Đúng ngày …  2. Hủy', answered with 1", async () => {
    const commune = await resolveUnit(db, "Ngọc Phụng");
    await text("0912000401", (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code);
    // This year's question: 29/02 when the year has none, else a day over ten months back.
    let leap = year - 1;
    while (!isLeap(leap)) leap--;
    const far = addDays(TODAY, -320).endsWith("-02-29") ? addDays(TODAY, -321) : addDays(TODAY, -320);
    const [asked, date] = isLeap(year) ? [far.slice(8, 10) + "/" + far.slice(5, 7), far] : ["29/02", `${leap}-02-29`];
    const question = await text("0912000401", `${asked} Hoà Lâm GD 4`);
    expectSms(question);
    expect(question[0]!.parts).toBeLessThanOrEqual(2);
    const plain = question.map((q) => q.text).join("");
    expect(plain).toMatch(new RegExp(`\\n1\\. (Đúng ngày|Dung ngay) ${dmy(date)}\\n2\\. (Hủy|Huy)$`));
    expect(await savedOn(date)).toHaveLength(0);
    const saved = await text("0912000401", "1");
    expectSms(saved);
    expect(saved[0]!.text).toMatch(new RegExp(`(Đã ghi nhận|Da ghi nhan): ${dmy(date)}`));
    expect((await savedOn(date)).map((e) => [e.groupCode, e.count])).toEqual([["GD", 4]]);
  });

  it("2 (Hủy) saves nothing", async () => {
    const far = addDays(TODAY, -300).endsWith("-02-29") ? addDays(TODAY, -301) : addDays(TODAY, -300);
    const question = await text("0912000401", `${far.slice(8, 10)}/${far.slice(5, 7)} Hoà Lâm HS 2`);
    expect(question.map((q) => q.text).join("")).toMatch(/\n2\. (Hủy|Huy)$/);
    expect((await text("0912000401", "2"))[0]!.text).toMatch(/Đã hủy|Da huy/);
    expect(await savedOn(far)).toHaveLength(0);
  });
});

describe("SMS: a commune officer's TIENDO", () => {
  const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

  it("shows all seven villages, furthest from their target first, whole within the reply's parts", async () => {
    // A season of reports, as on the demo server: every village has figures and a target.
    await ensureDemoActivity(db, TODAY);
    const commune = await resolveUnit(db, "Ngọc Phụng");
    await text("0912000501", (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code);
    const replies = await text("0912000501", "TIENDO");
    expect(replies).toHaveLength(1);
    expectSms(replies);
    const sms = plain(replies[0]!.text);
    // Not cut by the channel: the reply ends on a village line, not on "...".
    expect(sms).not.toContain("...");
    const lines = [...sms.matchAll(/^(\d+)\. (.+?): ([\d,]+) %, (thieu [\d.]+|da dat)/gm)];
    expect(lines.map((l) => l[2]).sort()).toEqual(["Hoa Lam", "Hung Long", "Phu Vinh", "Quyet Tien", "Xuan Lap", "Xuan Thang", "Xuan Thanh"]);
    const shares = lines.map((l) => Number(l[3]!.replace(",", ".")));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(sms).toMatch(/^Cac thon, xep tu thon con xa chi tieu nhat \(% chi tieu, so nguoi con thieu\):$/m);
  });
});
