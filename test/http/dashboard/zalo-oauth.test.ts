import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { like } from "drizzle-orm";
import { createApp, type App } from "../../../src/app";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { adminUnits, appMeta } from "../../../src/db/schema";
import { createZaloTokenStore } from "../../../src/channels/zalo/token-store";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { addAccount, CookieJar } from "../../helpers/dashboard";
import { startFakeZalo } from "../../helpers/fake-zalo";

const NOW = new Date("2026-03-10T03:00:00Z");
let fake: Awaited<ReturnType<typeof startFakeZalo>>;
let issued = 0;
let refuse = false;
let db: SqliteDb;
let app: App;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeZalo({ validTokens: new Set(), issue: () => refuse ? undefined : ({ access_token: `new-access-${++issued}`, refresh_token: `new-refresh-${issued}`, expires_in: "90000" }) });
});
afterAll(() => fake.close());
beforeEach(async () => {
  db = createTestDb();
  env = { ZALO_APP_ID: "4321", ZALO_APP_SECRET: "app-secret-1", ZALO_OA_SECRET_KEY: "oa-secret-1", ZALO_OAUTH_ROOT: fake.baseUrl, PUBLIC_URL: "https://bhyt.example.vn" };
  app = createApp({ config: parseConfig(env), db, logger: silentLogger, t: createTestTranslator(), protector: await createTestProtector(), now: () => NOW });
  fake.requests.length = 0;
  refuse = false;
});

async function signedIn(scope: number | null = null) {
  await addAccount(db, "quantri", "mat-khau-dai-du-12", scope);
  const jar = new CookieJar(app);
  expect((await jar.login("quantri", "mat-khau-dai-du-12")).status).toBe(303);
  return jar;
}

describe("Zalo OA re-authorisation (PKCE)", () => {
  it("is behind sign-in, and only for a country-wide administrator", async () => {
    const anonymous = await app.request("/admin/zalo/authorize");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/login?next=%2Fadmin%2Fzalo%2Fauthorize");
    const [unit] = await db.orm.insert(adminUnits).values({ code: "T", name: "Tỉnh Mẫu", level: "province", searchKey: "tinh mau" }).returning();
    const scoped = await signedIn(unit!.id);
    const res = await scoped.request("/admin/zalo/authorize");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Chỉ quản trị viên toàn hệ thống");
  });

  it("redirects to Zalo with an S256 challenge and state, then exchanges code + verifier and stores the new pair", async () => {
    const jar = await signedIn();
    const res = await jar.request("/admin/zalo/authorize");
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location")!);
    expect(to.origin + to.pathname).toBe(`${fake.baseUrl}/v4/oa/permission`);
    expect(to.searchParams.get("app_id")).toBe("4321");
    expect(to.searchParams.get("redirect_uri")).toBe("https://bhyt.example.vn/admin/zalo/callback");
    const state = to.searchParams.get("state")!;
    const challenge = to.searchParams.get("code_challenge")!;

    // A forged state (or none) changes nothing.
    expect((await jar.request(`/admin/zalo/callback?code=abc&state=forged`)).status).toBe(400);
    const again = await jar.request("/admin/zalo/authorize");
    const state2 = new URL(again.headers.get("location")!).searchParams.get("state")!;
    const challenge2 = new URL(again.headers.get("location")!).searchParams.get("code_challenge")!;
    expect(state2).not.toBe(state);

    const done = await jar.request(`/admin/zalo/callback?code=the-code&state=${state2}&oa_id=1`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Đã cấp quyền lại cho Zalo OA");
    const [exchange] = fake.requests.filter((r) => r.path === "/v4/oa/access_token");
    expect(exchange!.headers["secret_key"]).toBe("app-secret-1");
    const form = new URLSearchParams(exchange!.body);
    expect(Object.fromEntries(form)).toMatchObject({ code: "the-code", app_id: "4321", grant_type: "authorization_code" });
    const verifier = form.get("code_verifier")!;
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(challenge2);
    expect(challenge2).not.toBe(challenge);

    const tokens = createZaloTokenStore({ config: parseConfig(env).zaloOa!, db, protector: await createTestProtector(), logger: silentLogger, now: () => NOW });
    expect(await tokens.accessToken()).toBe(`new-access-${issued}`);
    // The state is spent: replaying the callback is refused.
    expect(await db.orm.select().from(appMeta).where(like(appMeta.key, "zalo_oa.pkce:%"))).toHaveLength(1); // the first, abandoned one
    expect((await jar.request(`/admin/zalo/callback?code=the-code&state=${state2}`)).status).toBe(400);
  });

  it("says so when Zalo refuses the code, and stores nothing", async () => {
    const jar = await signedIn();
    const state = new URL((await jar.request("/admin/zalo/authorize")).headers.get("location")!).searchParams.get("state")!;
    refuse = true; // the fake answers -14020
    const res = await jar.request(`/admin/zalo/callback?code=bad&state=${state}&lang=en`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("Zalo did not issue an access token");
    expect(await db.orm.select().from(appMeta).where(like(appMeta.key, "zalo_oa.%"))).toEqual([]);
  });
});
