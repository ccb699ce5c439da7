import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { App } from "../../../src/app";
import { createRelayedApp } from "../../helpers/relayed-app";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { createInvite } from "../../../src/core/officers/invites";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { ACTION_REPLACE } from "../../../src/core/conversation/tally-flow";
import { consents, tallyEntries } from "../../../src/db/schema";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createNodeChartRenderer } from "../../../src/entry/chart-renderer-node";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { startFakeTelegram, type BotApiCall } from "../../helpers/fake-telegram";

const SECRET = "test-secret-123456";
let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let app: App;
let relaysIdle: () => Promise<void>;
let db: SqliteDb;
let updateId = 1000;
let collectorCode = "";
let communeCode = "";
const now = Math.floor(Date.parse("2025-11-15T03:00:00Z") / 1000);
// The demo plan's day, a minute after the updates were written; time moves on from there
// (replies are paced by the outbox dispatcher, which waits for real time to pass).
const started = Date.now();
const advancing = () => new Date(now * 1000 + 60_000 + (Date.now() - started));

function update(from: number, content: { text?: string; callback?: string }, id = ++updateId) {
  const user = { id: from, is_bot: false, first_name: "Cán bộ Mẫu", language_code: "vi" };
  const chat = { id: from, type: "private", first_name: "Cán bộ Mẫu" };
  if (content.callback) {
    return { update_id: id, callback_query: { id: `cb${id}`, from: user, chat_instance: "x", data: content.callback, message: { message_id: 1, date: now, chat, text: "?" } } };
  }
  return { update_id: id, message: { message_id: id, date: now, chat, from: user, text: content.text } };
}

async function post(body: unknown, secret: string | null = SECRET) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
  return app.request("/webhooks/telegram", { method: "POST", headers, body: JSON.stringify(body) });
}

/** Sends an update and returns the Bot API calls it caused. */
async function say(from: number, content: { text?: string; callback?: string }, id?: number): Promise<BotApiCall[]> {
  const before = fake.calls.length;
  const res = await post(update(from, content, id));
  expect(res.status).toBe(200);
  await relaysIdle();
  return fake.calls.slice(before);
}
const texts = (calls: BotApiCall[]) => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

beforeAll(async () => {
  fake = await startFakeTelegram();
  db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const village = await resolveUnit(db, "Xuân Thành");
  collectorCode = (await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector" })).code;
  communeCode = (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code;
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.apiRoot });
  ({ app, relaysIdle } = createRelayedApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, chart: createNodeChartRenderer(), now: advancing }));
});

afterAll(() => fake.close());

describe("Telegram webhook → conversation core", () => {
  it("refuses a missing or wrong secret token with 401 and does nothing", async () => {
    expect((await post(update(1, { text: "Xuân Thành GD 1" }), null)).status).toBe(401);
    expect((await post(update(1, { text: "Xuân Thành GD 1" }), "wrong-secret-123")).status).toBe(401);
    expect(fake.calls).toHaveLength(0);
  });

  it("binds a collector with /start CODE and welcomes them in Vietnamese", async () => {
    const [reply] = texts(await say(501, { text: `/start ${collectorCode}` }));
    expect(reply).toContain("cán bộ thôn của xã Ngọc Phụng");
  });

  it("records a free-text report and answers with the running position", async () => {
    const [reply] = texts(await say(501, { text: "xuan thanh gd12 hs3" }));
    expect(reply).toContain("Đã ghi nhận: 15/11/2025 — Thôn Xuân Thành: GD 12, HS 3");
    expect(reply).toContain("Thôn Xuân Thành: 15/846 người, đạt 1,8 % chỉ tiêu — còn thiếu 831 người");
    expect(reply).toContain("Tham gia mới: hôm nay 15, tháng này 15, từ đầu năm 15 người.");
  });

  it("processes a redelivered update once", async () => {
    const id = 5000;
    expect(texts(await say(501, { text: "Xuân Thành TE 2" }, id))).toHaveLength(1);
    expect(texts(await say(501, { text: "Xuân Thành TE 2" }, id))).toHaveLength(0);
    const te = await db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.groupCode, "TE"), eq(tallyEntries.status, "active")));
    expect(te).toHaveLength(1);
  });

  it("asks add or replace for a second report, replaces on request, and /huy restores", async () => {
    const ask = (await say(501, { text: "Xuân Thành GD 5" })).find((c) => c.method === "sendMessage")!;
    expect(String(ask.payload.text)).toContain("đã có 12 người");
    expect(JSON.stringify(ask.payload.reply_markup)).toContain(ACTION_REPLACE);
    const replaced = await say(501, { callback: ACTION_REPLACE });
    expect(replaced.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(texts(replaced)[0]).toContain("Đã thay thế số cũ");
    const activeGd = async () =>
      (await db.orm.all<{ n: number }>(sql`select coalesce(sum(count), 0) as n from tally_entries where group_code = 'GD' and status = 'active'`))[0]!.n;
    expect(await activeGd()).toBe(5);
    expect(texts(await say(501, { text: "/huy" }))[0]).toContain("Số liệu trước đó được khôi phục");
    expect(await activeGd()).toBe(12);
  });

  it("confirms a near village name with buttons instead of guessing", async () => {
    await say(502, { text: communeCode });
    const ask = (await say(502, { text: "Xuân Thnh HS 1" })).find((c) => c.method === "sendMessage")!;
    const markup = JSON.stringify(ask.payload.reply_markup);
    expect(markup).toContain("Thôn Xuân Thành");
    expect(markup).toContain("Thôn Xuân Thắng");
  });

  it("refuses a village outside a collector's scope and nothing is saved", async () => {
    const before = await db.orm.select().from(tallyEntries);
    const [reply] = texts(await say(501, { text: "Phú Vinh GD 3" }));
    expect(reply).toContain("không thuộc địa bàn được giao");
    expect(await db.orm.select().from(tallyEntries)).toHaveLength(before.length);
  });

  it("shows a commune officer the village ranking with silent villages, and a chart picture", async () => {
    const calls = await say(502, { text: "/tiendo" });
    const [reply] = texts(calls);
    const photo = calls.find((c) => c.method === "sendPhoto")!;
    const png = photo.raw.subarray(photo.raw.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(photo.raw.toString("utf8")).toContain("Tiến độ BHYT Xã Ngọc Phụng — 2025");
    expect(reply).toContain("Tiến độ BHYT năm 2025 — Xã Ngọc Phụng");
    expect(reply).toMatch(/7\. Thôn Xuân Thành: 17\/846 người, đạt 2 % chỉ tiêu — còn thiếu 829 người$/m);
    expect(reply).toContain("Thôn Phú Vinh: 0/810 người, đạt 0 % chỉ tiêu — còn thiếu 810 người (chưa báo cáo hôm nay)");
  });

  it("lets a resident check a demo card, subscribe to reminders and unsubscribe", async () => {
    const person = generateDemoRoster("2025-11-15").find((p) => p.groupCode === "GD")!;
    expect(texts(await say(777, { text: person.cardCode }))[0]).toContain("ngày sinh");
    const shown = (await say(777, { text: person.dateOfBirth.split("-").reverse().join("/") })).find((c) => c.method === "sendMessage")!;
    expect(String(shown.payload.text)).toContain("Mã quyền lợi 4: mức hưởng 80%");
    expect(String(shown.payload.text)).toMatch(/Tổng cộng: [\d.]+ đồng/);
    expect(String(shown.payload.text)).toMatch(/Tình trạng: (còn hạn|sắp hết hạn|đã hết hạn)/);
    expect(JSON.stringify(shown.payload.reply_markup)).toContain("s:sub");
    expect(texts(await say(777, { callback: "s:sub" }))[0]).toContain("Tôi đồng ý để xã dùng mã thẻ");
    expect(await db.orm.select().from(consents)).toHaveLength(0);
    expect(texts(await say(777, { callback: "s:agree" }))[0]).toContain("Đã đăng ký nhắc gia hạn");
    expect(await db.orm.select().from(consents).where(isNull(consents.withdrawnAt))).toHaveLength(1);
    expect(texts(await say(777, { text: "/huy_nhac" }))[0]).toContain("Đã dừng mọi tin nhắc");
    expect(await db.orm.select().from(consents).where(isNull(consents.withdrawnAt))).toHaveLength(0);
  });

  it("tells an unregistered sender how to get started", async () => {
    const [reply] = texts(await say(999, { text: "Xuân Thành GD 1" }));
    expect(reply).toContain("mã mời");
  });
});
