import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAccounts, adminUnits } from "../../src/db/schema";
import { provinceRollups } from "../../src/db/national/schema";
import { hashPassword } from "../../src/core/auth/password-hash";
import { localDate } from "../../src/core/time/local-date";
import { addDays } from "../../src/core/time/day-math";
import { createD1Db } from "../../src/entry/d1-db";
import { createD1National } from "../../src/entry/d1-national";
import worker from "../../src/entry/worker";
import type { Env } from "../../src/entry/worker-env";
import { CookieJar } from "../helpers/cookie-jar";

// The sharded dashboard through the real Worker on workerd: three province D1 databases and
// the national one. A province leader signs in on their own province's database and sees its
// figures; the national account (in the default province) sees every province's roll-up.
const base64 = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));
const TODAY = localDate(new Date(), "Asia/Ho_Chi_Minh");
const p12 = createD1Db(env.DB_P12!);
const p38 = createD1Db(env.DB_P38!);
const p52 = createD1Db(env.DB_P52!);
const national = createD1National(env.NATIONAL_DB!);

const shardedEnv: Env = {
  ...env,
  SHARDING: "province",
  DEFAULT_SHARD: "12",
  DATA_ENCRYPTION_KEY: base64(5),
  BLIND_INDEX_KEY: base64(6),
  DATA_KEY_ID: "dash",
  LOG_LEVEL: "error",
  DISPATCH_QUEUE: undefined,
};

/** A browser over the Worker's own fetch (cookies kept, forms sent with the CSRF token). */
const browser = () =>
  new CookieJar({
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("origin", "https://bhyt.test");
      const ctx = createExecutionContext();
      const request = new Request(`https://bhyt.test${path}`, { ...init, headers, redirect: "manual" });
      const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], shardedEnv, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
  });

beforeAll(async () => {
  await applyD1Migrations(env.DB_P12!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.DB_P38!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.DB_P52!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.NATIONAL_DB!, env.TEST_NATIONAL_MIGRATIONS);
  const names = { "12": "Lai Châu", "38": "Thanh Hóa", "52": "Gia Lai" } as const;
  for (const [code, db] of [["12", p12], ["38", p38], ["52", p52]] as const) {
    const [province] = await db.orm.insert(adminUnits).values({ code, name: names[code], level: "province", searchKey: names[code].toLowerCase(), provinceCode: code }).returning();
    await db.orm.insert(adminUnits).values({ code: `${code}-001`, name: `Xã Mẫu ${code}`, level: "commune", parentId: province!.id, searchKey: `xa mau ${code}`, provinceCode: code });
  }
  // 1,000 PBKDF2 iterations keep the test fast (the hash records how many it used).
  await p12.orm.insert(adminAccounts).values({ username: "quocgia", passwordHash: await hashPassword("national-password-1", 1000), scopeUnitId: null });
  const [gialai] = await p52.orm.select().from(adminUnits).limit(1);
  await p52.orm.insert(adminAccounts).values({ username: "gialai", passwordHash: await hashPassword("province-password-1", 1000), scopeUnitId: gialai!.id });
  const yesterday = addDays(TODAY, -1);
  const row = (shardKey: string, cards: number) => ({ day: yesterday, shardKey, provinceCode: shardKey, cards, cardsValid: cards - 10, cardsExpiring30d: 5, enrolments: 7, tallyReports: 2, outboxSent: 3, outboxFailed: 0, computedAt: new Date() });
  await national.orm.insert(provinceRollups).values([row("38", 1200), row("52", 5000)]);
});

describe("sharded dashboard on workerd", () => {
  it("signs a Gia Lai leader in on Gia Lai's database and serves Gia Lai's pages, never another province's", async () => {
    const leader = browser();
    expect((await leader.login("gialai", "province-password-1")).status).toBe(303);
    expect(leader.cookies.get("bhyt_shard")).toBe("52");
    const html = await (await leader.request("/")).text();
    expect(html).toContain("Gia Lai");
    expect(html).toContain("Xã Mẫu 52");
    expect(html).not.toContain("Lai Châu");
    expect((await leader.request("/units/52-001")).status).toBe(200);
    expect((await leader.request("/national.csv")).status).toBe(404);
    // A shard cookie pointing at another province gets the sign-in page.
    leader.cookies.set("bhyt_shard", "38");
    const moved = await leader.request("/");
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toMatch(/^\/login/);
  });

  it("shows the national account every province's latest roll-up, and the CSV", async () => {
    const admin = browser();
    expect((await admin.login("quocgia", "national-password-1")).status).toBe(303);
    expect(admin.cookies.get("bhyt_shard")).toBe("12");
    const html = await (await admin.request("/")).text();
    expect(html).toContain('data-province="38"');
    expect(html).toContain('data-province="52"');
    const csv = await (await admin.request("/national.csv")).text();
    expect(csv).toContain(`52,${addDays(TODAY, -1)},5000,4990,5,7,2,3,0`);
  });

  it("refuses a wrong password on the account's own shard", async () => {
    expect((await browser().login("gialai", "wrong-password-1")).status).toBe(401);
  });
});
