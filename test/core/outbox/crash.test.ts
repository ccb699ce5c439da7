import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deliveryAttempts, outboxMessages } from "../../../src/db/schema";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { openSqliteDb } from "../../../src/entry/sqlite-db";
import { createTestProtector } from "../../helpers/test-db";
import { startFakeHttp } from "../../helpers/fake-http";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const MESSAGES = 40;
const CONCURRENCY = 3;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  // `node --import tsx` (not the tsx wrapper): the pid we kill is the dispatcher itself.
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => c.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`child exited early (${code}): ${stderr.slice(0, 2000)}`)));
  });
}
const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", () => resolve())));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("outbox crash safety", () => {
  it("after kill -9 mid-dispatch and a restart, every message is sent, duplicates at most the messages in flight", async () => {
    const fake = await startFakeHttp((req) => ({ status: 202, body: { id: JSON.parse(req.body).id }, delayMs: 150 }));
    try {
      const file = join(mkdtempSync(join(tmpdir(), "bhyt-crash-")), "outbox.sqlite");
      const db = openSqliteDb(file);
      const to = await (await createTestProtector()).seal("84912345678");
      await enqueue(db, Array.from({ length: MESSAGES }, (_, i) => ({ idempotencyKey: `crash-${i}`, channel: "sms" as const, purpose: "expiry-reminder", templateKey: "t", payload: { text: `message ${i}`, toEnc: to } })));
      const env = {
        DATABASE_PATH: file, LOG_LEVEL: "error", QUIET_HOURS: "off",
        SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: fake.baseUrl, SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_RATE_PER_SECOND: "100",
        CRASH_CONCURRENCY: String(CONCURRENCY), CRASH_LEASE_MS: "1500",
      };
      const statuses = async () => (await db.orm.select({ status: outboxMessages.status }).from(outboxMessages)).map((r) => r.status);

      const first = await startChild(env);
      await until(() => fake.requests.length >= 12, 30_000, "the first sends");
      first.kill("SIGKILL");
      await exited(first);
      const atKill = await statuses();
      expect(atKill.filter((s) => s === "sending").length).toBeGreaterThan(0); // killed with messages in flight
      // And work left beyond the sends in flight (claimed in a batch, or not claimed yet).
      expect(atKill.filter((s) => s !== "sent").length).toBeGreaterThan(CONCURRENCY);

      const second = await startChild(env);
      await until(async () => (await statuses()).every((s) => s === "sent"), 30_000, "everything sent after the restart");
      second.kill("SIGTERM");
      await exited(second);
      expect(second.exitCode).toBe(0); // the loop stops cleanly on SIGTERM

      const received = new Map<string, number>();
      for (const r of fake.requests) {
        const text = JSON.parse(r.body).textMessage.text as string;
        received.set(text, (received.get(text) ?? 0) + 1);
      }
      expect(received.size).toBe(MESSAGES);
      const duplicates = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
      expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
      // Attempts interrupted by the kill are left without an outcome: the record of possible duplicates.
      const unfinished = (await db.orm.select().from(deliveryAttempts)).filter((a) => a.outcome === null);
      expect(unfinished.length).toBeGreaterThan(0);
      expect(unfinished.length).toBeLessThanOrEqual(CONCURRENCY);
      db.close();
    } finally {
      await fake.close();
    }
  }, 90_000);
});
