import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { App } from "../../../src/app";
import { createRelayedApp } from "../../helpers/relayed-app";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { createInvite } from "../../../src/core/officers/invites";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { ACTION_CANCEL, ACTION_CONFIRM_DATE } from "../../../src/core/conversation/tally-flow";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";
import { tallyEntries } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { flowingClock } from "../../helpers/virtual-clock";
import { startFakeTelegram, type BotApiCall } from "../../helpers/fake-telegram";

// A far yearless date over the real webhook, on today's date: asked with an inline button.
const SECRET = "test-secret-123456";
const NOW = new Date();
const TODAY = localDate(NOW);
/** Over ten months back, and its next occurrence more than a month ahead (so not read as "not yet come"); a 29/02 is another question. */
const FAR = addDays(TODAY, -320).endsWith("-02-29") ? addDays(TODAY, -321) : addDays(TODAY, -320);
const dm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
const dmy = (iso: string) => iso.split("-").reverse().join("/");

let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let app: App;
let relaysIdle: () => Promise<void>;
let db: SqliteDb;
let updateId = 5000;

async function say(from: number, content: { text?: string; callback?: string }): Promise<BotApiCall[]> {
  const user = { id: from, is_bot: false, first_name: "Cán bộ Mẫu", language_code: "vi" };
  const chat = { id: from, type: "private", first_name: "Cán bộ Mẫu" };
  const date = Math.floor(NOW.getTime() / 1000);
  const id = ++updateId;
  const body = content.callback
    ? { update_id: id, callback_query: { id: `cb${id}`, from: user, chat_instance: "x", data: content.callback, message: { message_id: 1, date, chat, text: "?" } } }
    : { update_id: id, message: { message_id: id, date, chat, from: user, text: content.text } };
  const before = fake.calls.length;
  const res = await app.request("/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  await relaysIdle();
  return fake.calls.slice(before);
}
const sent = (calls: BotApiCall[]) => calls.filter((c) => c.method === "sendMessage");
const savedOn = async (date: string) => db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.reportDate, date), eq(tallyEntries.status, "active")));

beforeAll(async () => {
  fake = await startFakeTelegram();
  db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: TODAY });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const code = (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code;
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.apiRoot });
  ({ app, relaysIdle } = createRelayedApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: flowingClock(NOW) }));
  await say(901, { text: code });
  await say(902, { text: (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code });
});
afterAll(() => fake.close());

describe("Telegram: a far date is confirmed with an inline button, never moved silently", () => {
  it("asks about a date over ten months back, saves nothing, and saves on that date when confirmed", async () => {
    const [ask] = sent(await say(901, { text: `${dm(FAR)} Xuân Lập GD 5` }));
    expect(String(ask!.payload.text)).toBe(`Ngày "${dm(FAR)}" cách hôm nay hơn 31 ngày: có phải ngày ${dmy(FAR)}? Nếu không, anh/chị gửi lại kèm năm.`);
    expect(ask!.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: `Đúng ngày ${dmy(FAR)}`, callback_data: ACTION_CONFIRM_DATE }], [{ text: "Hủy", callback_data: ACTION_CANCEL }]],
    });
    expect(await savedOn(FAR)).toHaveLength(0);
    const confirmed = await say(901, { callback: ACTION_CONFIRM_DATE });
    expect(confirmed.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(String(sent(confirmed)[0]!.payload.text)).toContain(`Đã ghi nhận: ${dmy(FAR)} — Thôn Xuân Lập: GD 5`);
    expect((await savedOn(FAR)).map((e) => [e.groupCode, e.count])).toEqual([["GD", 5]]);
  });

  it("Hủy drops the report; a stale button press saves nothing", async () => {
    const far = addDays(FAR, 1).endsWith("-02-29") ? addDays(FAR, 2) : addDays(FAR, 1);
    await say(902, { text: `${dm(far)} Xuân Thắng HS 2` });
    expect(String(sent(await say(902, { callback: ACTION_CANCEL }))[0]!.payload.text)).toContain("Đã hủy, chưa lưu số liệu nào.");
    expect(String(sent(await say(902, { callback: ACTION_CONFIRM_DATE }))[0]!.payload.text)).toContain("Câu hỏi này đã hết hạn");
    expect(await savedOn(far)).toHaveLength(0);
  });
});
