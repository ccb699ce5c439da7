/**
 * The real Worker: `wrangler dev` (workerd, wrangler.toml, local D1 and Queues) on a temporary
 * state, driven over HTTP the way Cloudflare drives it. vitest-pool-workers runs the handlers
 * inside its own harness and never starts the module as workerd does (issue 16: a module
 * export workerd refused went unnoticed), so this test starts it for real, after the local
 * steps of docs/workers.md: migrate the local D1, seed it (demo + first admin), start, sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram } from "../helpers/fake-telegram";
import { createLocalState, eventually, seedLocalDemo, startRealWorker, type LocalState, type RealWorker } from "../helpers/real-worker";

const SECRET = "real-worker-secret-16";
const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
// The jobs run on the local day of the trigger's scheduled time; derived from the clock, never hard-coded.
const today = new Date().toISOString().slice(0, 10);

let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let state: LocalState;
let worker: RealWorker;
let seeded: Awaited<ReturnType<typeof seedLocalDemo>>;

const sentTexts = () => fake.calls.filter((c) => c.method === "sendMessage").map((c) => ({ chatId: String(c.payload.chat_id), text: String(c.payload.text) }));
const healthz = async () => (await (await fetch(`${worker.url}/healthz`)).json()) as { ok: boolean; db: string; jobs: Record<string, { lastDay: string }> };
// Node has Headers#getSetCookie; the Workers types in tsconfig do not declare it.
const setCookies = (res: Response) => (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
const trigger = (cron: string, at: number) => fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}&time=${at}`);

function update(text: string, chatId = 4242) {
  const chat = { id: chatId, type: "private", first_name: "Cán bộ Mẫu" };
  return { update_id: 9001, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat, from: { id: chatId, is_bot: false, first_name: "Cán bộ Mẫu", language_code: "vi" }, text } };
}
const webhook = (body: unknown, secret?: string) =>
  fetch(`${worker.url}/webhooks/telegram`, { method: "POST", headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) }, body: JSON.stringify(body) });

beforeAll(async () => {
  fake = await startFakeTelegram();
  // npm run db:migrate:local, then npm run db:seed:local, on a temporary state and vars.
  state = await createLocalState({
    DATA_ENCRYPTION_KEY: key(7),
    BLIND_INDEX_KEY: key(8),
    DATA_KEY_ID: "real-worker",
    TELEGRAM_BOT_TOKEN: "123456:REAL-worker-token",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.apiRoot,
    QUIET_HOURS: "off",
  });
  seeded = await seedLocalDemo(state);
  // A due outbox message already waiting, as a webhook or a daily job would have left it.
  const now = Date.now();
  await state.query(
    `insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, attempts, created_at, updated_at) values ('real-worker-1', 'telegram', 'officer-reply', 't', '{"text":"tin nhắn chờ gửi","chatId":"777"}', 'pending', ${now - 60_000}, 0, ${now}, ${now})`,
  );
  // npm run dev:worker
  worker = await startRealWorker(state);
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await state?.remove();
}, 60_000);

describe("the real Worker under wrangler dev", () => {
  it("starts and answers /healthz from its local D1", async () => {
    expect(await healthz()).toMatchObject({ ok: true, db: "ok" });
  });

  it("signs in to the dashboard with the account `npm run db:seed:local` printed, and shows the demo", async () => {
    expect(seeded).toMatchObject({ ok: true, admin: { username: "admin" } });
    expect(seeded.people).toBeGreaterThan(0);
    const form = await fetch(`${worker.url}/login`);
    expect(form.status).toBe(200);
    const csrf = /bhyt_csrf=([^;]+)/.exec(setCookies(form).join("\n"))?.[1];
    expect(csrf).toBeTruthy();
    const login = (password: string) =>
      fetch(`${worker.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `bhyt_csrf=${csrf}` },
        body: new URLSearchParams({ username: "admin", password, _csrf: csrf!, next: "/" }),
      });
    expect((await login("not-the-password-1")).status).toBe(401);
    const ok = await login(seeded.admin!.password!);
    expect(ok.status).toBe(303);
    const cookies = setCookies(ok).map((line) => line.split(";")[0]!).join("; ");
    const home = await fetch(`${worker.url}/`, { headers: { cookie: cookies } });
    expect(home.status).toBe(200);
    // The demo's provinces are there (Lai Châu is one of the seeded plans).
    expect(await home.text()).toContain("Lai Châu");
  }, 90_000);

  it("the kick-only trigger wakes the queue consumer, which sends the due outbox message, and runs no daily job", async () => {
    expect((await trigger("*/5 * * * *", Date.now())).status).toBe(200);
    const sent = await eventually("outbox message sent through bhyt-dispatch", worker, () => sentTexts().find((m) => m.chatId === "777"));
    expect(sent.text).toBe("tin nhắn chờ gửi");
    expect((await healthz()).jobs).toEqual({});
  }, 90_000);

  it("takes a Telegram update only with the webhook secret, and the bot's reply reaches the Bot API", async () => {
    expect((await webhook(update("/start"))).status).toBe(401);
    expect((await webhook(update("/start"), "wrong-secret-123456")).status).toBe(401);
    expect(sentTexts().some((m) => m.chatId === "4242")).toBe(false);
    expect((await webhook(update("/start"), SECRET)).status).toBe(200);
    const reply = await eventually("bot reply at the fake Bot API", worker, () => sentTexts().find((m) => m.chatId === "4242"));
    expect(reply.text.length).toBeGreaterThan(0);
  }, 90_000);

  it("a daily Cron Trigger runs the jobs due at its local time on D1", async () => {
    // 22:00 in Hà Nội (UTC+7): everything due by then, the purge of inbound texts included.
    expect((await trigger("0 15 * * *", Date.parse(`${today}T15:00:00Z`))).status).toBe(200);
    const jobs = await eventually("daily jobs recorded in app_meta", worker, async () => {
      const { jobs } = await healthz();
      return jobs.purge_inbound_text ? jobs : undefined;
    });
    expect(jobs.purge_inbound_text).toMatchObject({ lastDay: today });
    expect(jobs.renewal_reminders).toMatchObject({ lastDay: today });
  }, 90_000);

  it("left the local D1 consistent: the outbox row marked sent", async () => {
    await worker.stop();
    const [row] = await state.query<{ status: string; attempts: number }>("select status, attempts from outbox_messages where idempotency_key = 'real-worker-1'");
    expect(row).toEqual({ status: "sent", attempts: 1 });
  }, 90_000);
});
