import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createDispatcher } from "../../src/core/outbox/dispatcher";
import type { Protector } from "../../src/core/privacy/protector";
import { createSenders } from "../../src/channels/senders";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { CARD_HEADERS, person } from "../helpers/card-rows";
import { startFakeHttp } from "../helpers/fake-http";
import { createCliRunner } from "../helpers/run-cli";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

const TODAY = "2025-11-15";
const NOW = new Date("2025-11-15T03:00:00Z");
const KEY = "smsgate-signing-key-0123";
const PHONE = "0912345678";
const OTHER_PHONE = "0987654321";
const roster = generateDemoRoster(TODAY);
const resident = roster.find((p) => p.groupCode === "GD" && p.validTo >= TODAY)!;
const vnDate = (iso: string) => iso.split("-").reverse().join("/");
const dir = mkdtempSync(join(tmpdir(), "bhyt-logs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every form a value could take in a log line: as typed, compacted, international. */
function forms(value: string): string[] {
  const compact = value.replace(/[\s.\-/]/g, "");
  const out = [value, compact];
  if (/^0\d{9}$/.test(compact)) out.push("84" + compact.slice(1), compact.slice(1));
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(vnDate(value));
  return out;
}

function expectClean(lines: string[], secrets: string[]): void {
  expect(lines.join("").length).toBeGreaterThan(0);
  const all = lines.join("\n");
  for (const secret of secrets.flatMap(forms)) expect(all.includes(secret), `log contains ${JSON.stringify(secret)}`).toBe(false);
}

describe("logs never contain personal data", () => {
  let db: SqliteDb;
  let protector: Protector;
  let app: App;
  let fake: Awaited<ReturnType<typeof startFakeHttp>>;
  const lines: string[] = [];
  let config: ReturnType<typeof parseConfig>;
  let id = 0;

  beforeAll(async () => {
    // The gateway echoes the number back in its errors, as real ones do.
    fake = await startFakeHttp((req, n) =>
      n % 2 ? { status: 400, body: { message: `invalid phone ${String(JSON.parse(req.body).phoneNumbers?.[0])}` } } : { status: 202, body: { id: `gw-${n}`, state: "Pending" } },
    );
    db = createTestDb();
    protector = await createTestProtector();
    await seedDemo({ db, protector, today: TODAY });
    config = parseConfig({
      SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: fake.baseUrl, SMS_USERNAME: "gateway-user", SMS_PASSWORD: "gateway-password-secret",
      SMS_WEBHOOK_SECRET: KEY, SMS_RATE_PER_SECOND: "50",
    });
    app = createApp({ config, db, logger: createLogger({ level: "debug", sink: (l) => lines.push(l) }), t: createTestTranslator(), protector, now: () => NOW });
  });
  afterAll(() => fake.close());

  const sign = (body: string, key = KEY) => {
    const ts = String(NOW.getTime() / 1000);
    return { "content-type": "application/json", "x-signature": createHmac("sha256", key).update(body + ts).digest("hex"), "x-timestamp": ts };
  };
  const sms = (text: string, from = PHONE) =>
    JSON.stringify({ deviceId: "d1", event: "sms:received", id: `ev-${++id}`, webhookId: "w1", payload: { messageId: "m", message: text, phoneNumber: from, receivedAt: "2025-11-15T10:00:00.000+07:00" } });
  const post = (body: string, key?: string) => app.request("/webhooks/sms/smsgate", { method: "POST", headers: sign(body, key), body });

  it("SMS webhook + resident card look-up + replies dispatched: no phone, card code, date of birth, text or secret", async () => {
    const texts = [resident.cardCode, vnDate(resident.dateOfBirth), "Tôi tên Nguyễn Thị Bí Mật, nhà ở xóm Kín"];
    for (const text of texts) expect((await post(sms(text))).status).toBe(200);
    // The same look-up by BHXH number, from another phone.
    expect((await post(sms(resident.bhxhNumber, OTHER_PHONE))).status).toBe(200);
    expect((await post(sms("01/01/1900", OTHER_PHONE))).status).toBe(200);
    // Refused and unreadable webhooks that carry a number.
    expect((await post(sms("x", PHONE), "wrong-key-wrong-key")).status).toBe(401);
    expect((await post(`{"payload": {"phoneNumber": "${PHONE}", "message": "${resident.cardCode}"`)).status).toBe(400);
    expect((await post(`${PHONE} ${resident.cardCode} not json`)).status).toBe(400);
    const dispatcher = createDispatcher({
      db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh",
      logger: createLogger({ level: "debug", sink: (l) => lines.push(l) }), senders: createSenders(config), now: () => NOW,
    });
    await dispatcher.dispatchOnce();
    expect(fake.requests.length).toBeGreaterThan(0);
    expectClean(lines, [
      PHONE, OTHER_PHONE, resident.cardCode, resident.bhxhNumber, resident.idNumber, resident.dateOfBirth, resident.fullName,
      ...texts, "Nguyễn Thị Bí Mật", KEY, "gateway-password-secret",
    ]);
  });

  it("card import through the CLI (debug logs on stderr): no name, number, card code, date of birth or key", async () => {
    const dataKey = Buffer.alloc(32, 3).toString("base64");
    const indexKey = Buffer.alloc(32, 5).toString("base64");
    const cli = createCliRunner({ DATABASE_PATH: join(dir, "import.sqlite"), LOG_LEVEL: "debug", DATA_ENCRYPTION_KEY: dataKey, BLIND_INDEX_KEY: indexKey });
    writeFileSync(join(dir, "units.csv"), "code,name,level,parent_code\n38,Thanh Hóa,province,\n38-01-01,Ngọc Phụng,commune,38\n38-01-01-01,Quyết Tiến,village,38-01-01\n");
    const stderr: string[] = [];
    stderr.push((await cli("import", "units", join(dir, "units.csv"))).stderr);
    const rows = [1, 2, 3].map((n) => person(n));
    // One bad row so the refusal path runs too.
    const bad = person(4, { date_of_birth: "31/02/1985", phone: "09x" });
    const file = join(dir, "cards.csv");
    const csv = (rs: Record<string, string>[]) => [CARD_HEADERS.join(","), ...rs.map((r) => CARD_HEADERS.map((h) => `"${r[h] ?? ""}"`).join(","))].join("\n") + "\n";
    writeFileSync(file, csv([...rows, bad]));
    stderr.push((await cli("import", "cards", file, "--commune", "Ngọc Phụng")).stderr);
    writeFileSync(file, csv(rows));
    const ok = await cli("import", "cards", file, "--commune", "Ngọc Phụng", "--json");
    expect(ok.code).toBe(0);
    stderr.push(ok.stderr, "-");
    expectClean(stderr, [
      ...rows.flatMap((p) => [p.full_name!, p.bhxh_number!, p.id_number!, p.phone!, p.card_code!, p.date_of_birth!]),
      dataKey, indexKey,
    ]);
  });
});

describe("errors in log lines are scrubbed", () => {
  it("drops quoted input, long digit runs and dates from error messages, keeps the rest", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", sink: (l) => lines.push(l) });
    let parseError: unknown;
    try {
      JSON.parse(`${PHONE} GD4797920123456 not json`);
    } catch (err) {
      parseError = err;
    }
    logger.error("a", { err: parseError });
    logger.error("b", { err: new Error(`invalid phone +84 912 345 678 for GD4797920123456 born 05/03/1985 or 1985-03-05`) });
    logger.error("c", { err: new Error("Failed query: insert into people values (?)", { cause: new Error(`UNIQUE failed: 0992000000${"12"}`) }) });
    expectClean(lines, [PHONE, "912 345 678", "4797920123456", "05/03/1985", "1985-03-05", "099200000012"]);
    expect(lines[1]).toContain("invalid phone");
  });
});
