import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { appMeta } from "../../../src/db/schema";
import { createZaloOaClient } from "../../../src/channels/zalo/oa-client";
import { createZaloTokenStore, ZALO_REFRESH_LEASE_KEY, ZALO_TOKENS_KEY } from "../../../src/channels/zalo/token-store";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "../../helpers/test-db";
import { startFakeZalo } from "../../helpers/fake-zalo";

let db: SqliteDb;
let protector: Protector;
let fake: Awaited<ReturnType<typeof startFakeZalo>>;
let issued = 0;

const configFor = (root: string) =>
  parseConfig({ ZALO_APP_ID: "4321", ZALO_APP_SECRET: "app-secret-xyz", ZALO_OA_SECRET_KEY: "oa-secret-key", ZALO_OA_ACCESS_TOKEN: "old-access-token", ZALO_OA_REFRESH_TOKEN: "refresh-token-1", ZALO_API_ROOT: root, ZALO_OAUTH_ROOT: root, ZALO_BUSINESS_API_ROOT: root }).zaloOa!;

/** A separate "worker": its own token store and client over the shared database. */
const worker = () => {
  const config = configFor(fake.baseUrl);
  const tokens = createZaloTokenStore({ config, db, protector, logger: silentLogger, pollMs: 10 });
  return createZaloOaClient({ config, tokens });
};

beforeEach(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  issued = 0;
  fake = await startFakeZalo({
    validTokens: new Set(),
    oauthDelayMs: 150,
    issue: () => ({ access_token: `new-access-token-${++issued}`, refresh_token: `refresh-token-${issued + 1}`, expires_in: "90000" }),
  });
});
afterEach(() => fake.close());

describe("Zalo OA token lifecycle", () => {
  it("refreshes exactly once when concurrent sends from two workers all hit -216", async () => {
    const [a, b] = [worker(), worker()];
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).sendText(`86123456789012345${i}0`, `tin ${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.refreshes()).toHaveLength(1);
    const refresh = fake.refreshes()[0]!;
    expect(refresh.headers["secret_key"]).toBe("app-secret-xyz");
    expect(refresh.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(refresh.body))).toEqual({ refresh_token: "refresh-token-1", app_id: "4321", grant_type: "refresh_token" });
    // Every retry used the one new token; nothing went out twice.
    const sends = fake.sends();
    expect(sends.filter((s) => s.token === "new-access-token-1")).toHaveLength(8);
    expect(sends.filter((s) => s.token === "old-access-token")).toHaveLength(8);
    // The new pair is stored sealed, together; the lease is free again.
    const [row] = await db.orm.select().from(appMeta).where(eq(appMeta.key, ZALO_TOKENS_KEY));
    expect(row!.value).not.toContain("new-access-token");
    expect(JSON.parse(await protector.open(row!.value))).toMatchObject({ accessToken: "new-access-token-1", refreshToken: "refresh-token-2" });
    const [lease] = await db.orm.select().from(appMeta).where(eq(appMeta.key, ZALO_REFRESH_LEASE_KEY));
    expect(lease!.value).toBe("0");
  });

  it("uses the stored pair next time, and the next refresh spends the stored refresh token", async () => {
    expect((await worker().sendText("1", "a")).ok).toBe(true);
    fake.requests.length = 0;
    expect((await worker().sendText("1", "b")).ok).toBe(true);
    expect(fake.refreshes()).toHaveLength(0);
    expect(fake.sends()[0]!.token).toBe("new-access-token-1");
  });

  it("answers a retryable auth failure, and frees the lease, when the refresh token is refused", async () => {
    await fake.close();
    fake = await startFakeZalo({ validTokens: new Set() });
    const result = await worker().sendText("1", "a");
    expect(result).toMatchObject({ ok: false, retryable: true, code: "auth" });
    expect(fake.refreshes()).toHaveLength(1);
    const [lease] = await db.orm.select().from(appMeta).where(eq(appMeta.key, ZALO_REFRESH_LEASE_KEY));
    expect(lease!.value).toBe("0");
  });

  it("does not take a lease another worker holds", async () => {
    await db.orm.insert(appMeta).values({ key: ZALO_REFRESH_LEASE_KEY, value: `${Date.now() + 60_000}:other`, updatedAt: new Date() });
    const config = configFor(fake.baseUrl);
    const tokens = createZaloTokenStore({ config, db, protector, logger: silentLogger, pollMs: 10, leaseMs: 100 });
    // The other worker never finishes: we give up after our wait rather than refresh behind its back.
    expect(await tokens.refreshAfter("old-access-token")).toBeUndefined();
    expect(fake.refreshes()).toHaveLength(0);
  });
});
