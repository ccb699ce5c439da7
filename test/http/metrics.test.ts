import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { auditLookup } from "../../src/core/residents/lookup-guard";
import { enqueue } from "../../src/core/outbox/enqueue";
import { claimDue } from "../../src/core/outbox/claim";
import { scheduleRetry, startAttempt } from "../../src/core/outbox/settle";
import { createMetricsRegistry } from "../../src/core/metrics/registry";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";
import { startFakeTelegram } from "../helpers/fake-telegram";

const SECRET = "test-secret-123456";
const NOW = new Date("2025-11-15T03:00:00Z");
let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let db: SqliteDb;
let app: App;
let updateId = 1;

function telegram(from: number, text: string, secret = SECRET) {
  const chat = { id: from, type: "private", first_name: "Cán bộ Mẫu" };
  const body = { update_id: ++updateId, message: { message_id: updateId, date: Math.floor(NOW.getTime() / 1000), chat, from: { id: from, is_bot: false, first_name: "Cán bộ Mẫu" }, text } };
  return app.request("/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(body) });
}

/** Prometheus text → { 'name{labels}': value } for the sample lines. */
async function scrape(target = app, headers: Record<string, string> = {}) {
  const res = await target.request("/metrics", { headers });
  const text = await res.text();
  const samples: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples[m[1]!] = Number(m[2]);
  }
  return { res, text, samples };
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const village = await resolveUnit(db, "Xuân Thành");
  const code = (await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector" })).code;
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.apiRoot });
  app = createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW, metrics: createMetricsRegistry() });
  expect((await telegram(501, `/start ${code}`)).status).toBe(200);
});

afterAll(() => fake.close());

describe("GET /metrics", () => {
  it("counts accepted updates per channel, tallies saved, look-ups by result, provider errors and the outbox", async () => {
    expect((await telegram(501, "xuan thanh gd12 hs3")).status).toBe(200);
    expect((await telegram(501, "xuan thanh gd1", "wrong-secret-123")).status).toBe(401);
    await auditLookup(db, { channel: "telegram", key: "9" }, { cardId: 1, via: "card_code" }, NOW);
    await auditLookup(db, { channel: "telegram", key: "9" }, { via: "card_code" }, NOW);
    await auditLookup(db, { channel: "telegram", key: "9" }, { via: "card_code" }, NOW);
    await enqueue(db, [{ idempotencyKey: "m1", channel: "sms", purpose: "expiry-reminder", templateKey: "t", payload: { text: "x" } }], NOW);
    const [claimed] = await claimDue(db, { now: NOW, limit: 1, leaseMs: 60_000, channel: "sms" });
    const attemptId = await startAttempt(db, claimed!.id, 1, NOW);
    await scheduleRetry(db, claimed!.id, new Date(NOW.getTime() + 60_000), { attemptId, at: NOW, outcome: "retry", errorCode: "http_503", httpStatus: 503 });

    const { res, text, samples } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    expect(text).toContain("# TYPE bhyt_http_request_duration_seconds histogram");
    expect(samples['bhyt_updates_processed_total{channel="telegram"}']).toBe(2);
    expect(samples['bhyt_tallies_saved_total{channel="telegram"}']).toBe(2);
    expect(samples['bhyt_lookups_total{result="verified"}']).toBe(1);
    expect(samples['bhyt_lookups_total{result="refused"}']).toBe(2);
    expect(samples['bhyt_provider_errors_total{channel="sms",code="http_503"}']).toBe(1);
    expect(samples['bhyt_outbox_messages{channel="sms",state="pending"}']).toBe(1);
    expect(samples['bhyt_http_request_duration_seconds_count{method="POST",route="/webhooks/telegram",status="401"}']).toBe(1);
    expect(samples['bhyt_http_request_duration_seconds_bucket{method="POST",route="/webhooks/telegram",status="200",le="+Inf"}']).toBe(2);
    // Counts only: no identifiers, phone numbers or message text in names, labels or help
    // (the sample values are numbers, and a duration such as 0.0312501… may contain "501").
    const withoutValues = text.split("\n").map((line) => (line.startsWith("#") ? line : line.replace(/ \S+$/, ""))).join("\n");
    expect(withoutValues).not.toMatch(/xuan|501|Mẫu/i);
  });

  it("adds only what happened since the last scrape, and an attempt once it has finished", async () => {
    const before = (await scrape()).samples;
    expect((await telegram(501, "Xuân Thành TE 2")).status).toBe(200);
    await enqueue(db, [{ idempotencyKey: "m2", channel: "sms", purpose: "expiry-reminder", templateKey: "t", payload: { text: "y" } }], NOW);
    const [claimed] = await claimDue(db, { now: NOW, limit: 5, leaseMs: 60_000, channel: "sms" });
    const open = await startAttempt(db, claimed!.id, 1, NOW);
    const mid = (await scrape()).samples;
    expect(mid['bhyt_tallies_saved_total{channel="telegram"}']).toBe(before['bhyt_tallies_saved_total{channel="telegram"}']! + 1);
    expect(mid['bhyt_provider_errors_total{channel="sms",code="http_503"}']).toBe(1);
    await scheduleRetry(db, claimed!.id, new Date(NOW.getTime() + 60_000), { attemptId: open, at: NOW, outcome: "retry", errorCode: "http_503", httpStatus: 503 });
    const after = (await scrape()).samples;
    expect(after['bhyt_provider_errors_total{channel="sms",code="http_503"}']).toBe(2);
    expect(after['bhyt_tallies_saved_total{channel="telegram"}']).toBe(mid['bhyt_tallies_saved_total{channel="telegram"}']);
  });

  it("asks for the bearer token when METRICS_TOKEN is set, and is absent without a registry", async () => {
    const protector = await createTestProtector();
    const config = parseConfig({ METRICS_TOKEN: "scrape-token-0123456789" });
    const guarded = createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, metrics: createMetricsRegistry() });
    expect((await scrape(guarded)).res.status).toBe(401);
    expect((await scrape(guarded, { authorization: "Bearer wrong-token-0123456789" })).res.status).toBe(401);
    expect((await scrape(guarded, { authorization: "Bearer scrape-token-0123456789" })).res.status).toBe(200);
    const plain = createApp({ config: parseConfig({}), db, logger: silentLogger, t: createTestTranslator(), protector });
    expect((await plain.request("/metrics")).status).toBe(404);
  });
});
