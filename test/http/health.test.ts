import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import type { Db } from "../../src/db/client";
import pkg from "../../package.json";
import { appMeta, outboxMessages } from "../../src/db/schema";
import { createTestDb, createTestTranslator } from "../helpers/test-db";

function appWith(db: Db, lines: string[] = []) {
  return createApp({ config: parseConfig({}), db, logger: createLogger({ level: "info", sink: (l) => lines.push(l) }), t: createTestTranslator() });
}

describe("GET /healthz", () => {
  it("answers ok with the database round trip and the package version", async () => {
    const res = await appWith(createTestDb()).request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "ok", version: pkg.version, outboxLagSeconds: 0, jobs: {} });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("reports how long the oldest due message has waited and when daily jobs last ran", async () => {
    const db = createTestDb();
    const now = new Date("2025-11-15T03:00:00Z");
    await db.orm.insert(outboxMessages).values([
      { idempotencyKey: "a", channel: "sms", purpose: "p", templateKey: "t", payload: {}, notBefore: new Date(now.getTime() - 90_000) },
      { idempotencyKey: "b", channel: "sms", purpose: "p", templateKey: "t", payload: {}, notBefore: new Date(now.getTime() + 90_000) },
    ]);
    await db.orm.insert(appMeta).values({ key: "job:renewal_reminders:last_day", value: "2025-11-15", updatedAt: new Date(now.getTime() - 2 * 3_600_000) });
    // A trigger fired by hand with a scheduled time later today records that time: 0 hours, never negative.
    await db.orm.insert(appMeta).values({ key: "job:purge_inbound_text:last_day", value: "2025-11-15", updatedAt: new Date(now.getTime() + 12 * 3_600_000) });
    const app = createApp({ config: parseConfig({}), db, logger: createLogger({ level: "error" }), t: createTestTranslator(), now: () => now });
    expect(await (await app.request("/healthz")).json()).toMatchObject({
      outboxLagSeconds: 90,
      jobs: { renewal_reminders: { lastDay: "2025-11-15", hoursAgo: 2 }, purge_inbound_text: { lastDay: "2025-11-15", hoursAgo: 0 } },
    });
  });

  it("reports 503 when the database is gone", async () => {
    const db = createTestDb();
    db.close();
    const lines: string[] = [];
    const res = await appWith(db, lines).request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, db: "error" });
    expect(lines.some((l) => JSON.parse(l).event === "health.db_failed")).toBe(true);
  });

  it("logs one JSON line per request with the request id", async () => {
    const lines: string[] = [];
    await appWith(createTestDb(), lines).request("/healthz", { headers: { "x-request-id": "abc12345-req" } });
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.event === "http.request");
    expect(entry).toMatchObject({ requestId: "abc12345-req", method: "GET", path: "/healthz", status: 200 });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await appWith(createTestDb()).request("/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: "not_found" } });
  });
});
