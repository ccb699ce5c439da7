import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { adminUnits } from "../../src/db/schema";
import { provinceRollups } from "../../src/db/national/schema";
import { createShardRouter, type ShardRouter } from "../../src/core/shards/shard-router";
import { localDate } from "../../src/core/time/local-date";
import { addDays } from "../../src/core/time/day-math";
import { createShardFrontDoor } from "../../src/http/shard-front-door";
import { openSqliteNational } from "../../src/entry/national-db";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { addAccount, CookieJar } from "../helpers/dashboard";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

// Three provinces, each in its own database; Lai Châu (12) is the default shard and holds the
// national account. A province leader must see their own province's figures, never an empty
// default shard; the national account sees the provinces' daily roll-ups.
const NOW = new Date();
const TODAY = localDate(NOW, "Asia/Ho_Chi_Minh");
const PROVINCES = { "12": "Lai Châu", "38": "Thanh Hóa", "79": "Hồ Chí Minh" } as const;
type Shard = keyof typeof PROVINCES;

let shards: Record<Shard, SqliteDb>;
let router: ShardRouter;
let door: ReturnType<typeof createShardFrontDoor>;

/** A browser over the front door, as over one app. */
const browser = () => new CookieJar({ request: (path: string, init?: RequestInit) => door.fetch(new Request(`http://bhyt.test${path}`, init)) } as unknown as App);

beforeEach(async () => {
  const protector = await createTestProtector();
  shards = { "12": createTestDb(), "38": createTestDb(), "79": createTestDb() };
  router = createShardRouter({ shards: new Map(Object.entries(shards)), national: openSqliteNational(new Database(":memory:")), defaultShard: "12" });
  for (const [code, name] of Object.entries(PROVINCES) as [Shard, string][]) {
    const [province] = await shards[code].orm.insert(adminUnits).values({ code, name, level: "province", searchKey: name.toLowerCase() }).returning();
    await shards[code].orm.insert(adminUnits).values({ code: `${code}-001`, name: `Xã Mẫu ${code}`, level: "commune", parentId: province!.id, searchKey: `xa mau ${code}` });
  }
  const config = parseConfig({});
  const apps = new Map<string, App>(
    (Object.keys(shards) as Shard[]).map((key) => [key, createApp({ config, db: shards[key], logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW, nationalRollups: router.national })]),
  );
  door = createShardFrontDoor({ router, protector, logger: silentLogger, appFor: (shard) => apps.get(shard)!, config, now: () => NOW });
  await addAccount(shards["12"], "quocgia", "national-password-1");
  const [thanhHoa] = await shards["38"].orm.select().from(adminUnits).limit(1);
  await addAccount(shards["38"], "thanhhoa", "province-password-1", thanhHoa!.id);
});

describe("sharded dashboard: each account served from its own province's database", () => {
  it("signs a province leader in on their province's shard and serves their pages from there", async () => {
    const leader = browser();
    expect((await leader.login("thanhhoa", "province-password-1")).status).toBe(303);
    expect(leader.cookies.get("bhyt_shard")).toBe("38");
    const overview = await leader.request("/");
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).toContain("Thanh Hóa");
    expect(html).toContain("Xã Mẫu 38");
    expect(html).not.toContain("Lai Châu");
    expect((await leader.request("/units/38-001")).status).toBe(200);
  });

  it("a shard cookie pointing elsewhere gets the sign-in page, never another province's data", async () => {
    const leader = browser();
    await leader.login("thanhhoa", "province-password-1");
    leader.cookies.set("bhyt_shard", "79");
    const res = await leader.request("/");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login/);
    leader.cookies.set("bhyt_shard", "not-a-shard");
    expect((await leader.request("/")).status).toBe(303);
  });

  it("a wrong password is refused on the account's shard, an unknown name on the default one", async () => {
    expect((await browser().login("thanhhoa", "wrong-password-1")).status).toBe(401);
    const nobody = browser();
    expect((await nobody.login("nobody", "whatever-password")).status).toBe(401);
    expect(nobody.cookies.has("bhyt_shard")).toBe(false);
  });

  it("shows a national account every province from the roll-ups, and exports them as CSV", async () => {
    const yesterday = addDays(TODAY, -1);
    const row = (day: string, shardKey: string, cards: number) => ({ day, shardKey, provinceCode: shardKey.slice(0, 2), cards, cardsValid: cards - 10, cardsExpiring30d: 5, enrolments: 7, tallyReports: 2, outboxSent: 3, outboxFailed: 0, computedAt: NOW });
    await router.national.orm.insert(provinceRollups).values([row(addDays(TODAY, -2), "38", 1000), row(yesterday, "38", 1200), row(yesterday, "79", 5000)]);
    const national = browser();
    await national.login("quocgia", "national-password-1");
    expect(national.cookies.get("bhyt_shard")).toBe("12");
    const html = await (await national.request("/")).text();
    expect(html).toContain('data-province="38"');
    expect(html).toContain('data-province="79"');
    // The latest day per province, not a sum of days; names where the shard knows them.
    expect(html).toMatch(/data-province="38"[\s\S]*?1\.200/);
    expect(html).not.toContain(">1.000<");
    const csv = await (await national.request("/national.csv")).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csv).toContain(`38,${yesterday},1200,1190,5,7,2,3,0`);
  });

  it("keeps /national.csv from province accounts", async () => {
    const leader = browser();
    await leader.login("thanhhoa", "province-password-1");
    expect((await leader.request("/national.csv")).status).toBe(404);
  });

  it("signing out clears the shard with the session", async () => {
    const leader = browser();
    await leader.login("thanhhoa", "province-password-1");
    const res = await leader.post("/logout", { _csrf: leader.cookies.get("bhyt_csrf")! });
    expect(res.status).toBe(303);
    expect(leader.cookies.has("bhyt_shard")).toBe(false);
    expect(leader.cookies.has("bhyt_session")).toBe(false);
  });
});
