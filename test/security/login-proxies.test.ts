import { beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app";
import { resolveClientAddress } from "../../src/core/auth/client-address";
import { auditLog } from "../../src/db/schema";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { CookieJar, addAccount, createDashboardApp } from "../helpers/dashboard";
import { createTestDb } from "../helpers/test-db";

// Attacks (issue 19): X-Forwarded-For was believed from any client, so one machine looked like
// many addresses; and 20 bad tries per 15 minutes kept `admin` out even with the right password.
const PASSWORD = "mat-khau-rat-dai-1";
let db: SqliteDb;
let now: Date;

const appWith = (env: Record<string, string> = {}): Promise<App> => createDashboardApp(db, now, [], env);

beforeEach(async () => {
  db = createTestDb();
  now = new Date();
  await addAccount(db, "admin", PASSWORD);
});

const peer = (ip: string, forwarded?: string): HeadersInit => ({ "x-test-peer": ip, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("client address", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", [])).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", ["10.0.0.0/8"])).toBe("203.0.113.7");
  });
  it("reads it from the right behind trusted proxies, skipping ours; what the client wrote on the left does not count", () => {
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.9, 10.0.0.1", ["10.0.0.0/8"])).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.9", ["127.0.0.1"])).toBe("198.51.100.9");
    expect(resolveClientAddress(undefined, "198.51.100.9", ["127.0.0.1"])).toBe("unknown");
  });
});

describe("sign-in throttling by address", () => {
  it("a client rotating forged X-Forwarded-For values is still one address, blocked after five", async () => {
    const jar = new CookieJar(await appWith());
    for (let i = 0; i < 5; i++) expect((await jar.login("admin", `wrong-${i}-password`, peer("203.0.113.7", `10.9.9.${i}`))).status).toBe(401);
    expect((await jar.login("admin", "wrong-5-password", peer("203.0.113.7", "10.9.9.99"))).status).toBe(429);
  });

  it("behind a trusted proxy, each real client is counted apart", async () => {
    const jar = new CookieJar(await appWith({ TRUSTED_PROXIES: "127.0.0.1" }));
    for (let i = 0; i < 5; i++) await jar.login("admin", `wrong-${i}-password`, peer("127.0.0.1", "198.51.100.1"));
    expect((await jar.login("admin", PASSWORD, peer("127.0.0.1", "198.51.100.1"))).status).toBe(429);
    expect((await jar.login("admin", PASSWORD, peer("127.0.0.1", "198.51.100.2"))).status).toBe(303);
  });

  it("failures from many addresses slow the username down but never lock its owner out", async () => {
    // 30 failures in the window from 30 addresses (a botnet): more than the old lockout's 20.
    const failures = Array.from({ length: 30 }, (_, i) => ({ at: new Date(now.getTime() - 60_000 + i * 1000), actorKind: "admin" as const, actorId: `198.51.100.${i}`, action: "dashboard.login_failed", subjectKind: "admin_login", subjectId: "admin" }));
    await db.orm.insert(auditLog).values(failures);
    const owner = new CookieJar(await appWith());
    // The last failure was 31 s ago: the owner's one check goes through.
    expect((await owner.login("admin", PASSWORD, peer("192.0.2.55"))).status).toBe(303);
    // Right after a failure the username waits a few seconds, for everyone, with a clear message.
    await db.orm.insert(auditLog).values({ ...failures[0]!, at: new Date(now.getTime() - 1000) });
    const busy = await new CookieJar(await appWith()).login("admin", PASSWORD, peer("192.0.2.56"));
    expect(busy.status).toBe(429);
    expect(await busy.text()).toContain("thử lại sau vài giây");
  });
});

describe("global password-check rate", () => {
  it("checks at most LOGIN_CHECKS_PER_SECOND passwords per wall-clock second and answers the rest 'busy'", async () => {
    const app = await appWith({ LOGIN_CHECKS_PER_SECOND: "2" });
    const statuses: number[] = [];
    const first = Math.floor(Date.now() / 1000);
    // Wrong passwords from distinct addresses (no per-address block), as fast as they go.
    for (let i = 0; i < 12; i++) statuses.push((await new CookieJar(app).login("admin", `wrong-${i}-password`, peer(`192.0.2.${100 + i}`))).status);
    const seconds = Math.floor(Date.now() / 1000) - first + 1;
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(2 * seconds);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - checked);
  });
});
