import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { channelIdentities, outboxMessages, tallyEntries } from "../../../src/db/schema";
import { type CookieJar, createDashboardApp, signedIn } from "../../helpers/dashboard";
import { NOW, createTallyWorld, type TallyWorld } from "../../core/tallies/tally-fixture";

let w: TallyWorld;
let app: App;
let communeAdmin: CookieJar;

const say = async (jar: CookieJar, fields: Record<string, string>) => jar.post("/try", { ...fields, _csrf: await jar.csrf() });
const bubbles = (html: string) => [...html.matchAll(/<div class="bubble bot">.*?<p>(.*?)<\/p>/gs)].map((m) => m[1]!);

beforeAll(async () => {
  w = await createTallyWorld();
  app = await createDashboardApp(w.db, NOW);
  communeAdmin = await signedIn(app, w.db, "ngocphung", "mat-khau-cua-xa-1", w.commune.id);
});

describe("try the bot", () => {
  it("offers the account's communes and villages, and answers a resident", async () => {
    const form = await (await communeAdmin.request("/try")).text();
    expect(form).toContain('<option value="38-01-01-02">Cán bộ Thôn Xuân Thành</option>');
    const html = await (await say(communeAdmin, { as: "resident", text: "xin chào" })).text();
    expect(html).toContain('<p class="bubble me">xin chào</p>');
    expect(bubbles(html)[0]).toContain("Xin chào! Đây là trợ lý BHYT toàn dân của xã.");
  });

  it("reports as the village collector through the same core, with buttons answering questions", async () => {
    const first = await (await say(communeAdmin, { as: "38-01-01-02", text: "/start" })).text();
    expect(bubbles(first)[0]).toContain("Xin chào, anh/chị là");
    const report = await (await say(communeAdmin, { as: "38-01-01-02", text: "GD 4" })).text();
    const saved = await w.db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.channel, "web"), eq(tallyEntries.unitId, w.village.xuanThanh.id)));
    if (saved.length === 0) {
      // The core asked a question (confirm, or add/replace): answer with its first button.
      const action = /<button type="submit" name="action" value="([^"]+)"/.exec(report)![1]!;
      await say(communeAdmin, { as: "38-01-01-02", action });
    }
    const rows = await w.db.orm.select().from(tallyEntries).where(eq(tallyEntries.channel, "web"));
    expect(rows.map((r) => [r.unitId, r.groupCode, r.count])).toEqual([[w.village.xuanThanh.id, "GD", 4]]);
  });

  it("never queues anything for its web identities and refuses units outside the scope", async () => {
    const identities = await w.db.orm.select().from(channelIdentities).where(eq(channelIdentities.channel, "web"));
    expect(identities.length).toBe(2);
    expect(identities.every((i) => i.blockedAt !== null)).toBe(true);
    expect(await w.db.orm.select().from(outboxMessages)).toEqual([]);
    const outside = await say(communeAdmin, { as: "38", text: "/tiendo" });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain("Không dùng được mã &quot;38&quot;");
    const empty = await say(communeAdmin, { as: "resident", text: "" });
    expect(empty.status).toBe(400);
  });
});
