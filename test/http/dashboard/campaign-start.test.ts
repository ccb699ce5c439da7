import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { zonedTime } from "../../../src/core/time/zoned-time";
import { auditLog, outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createDashboardApp, signedIn } from "../../helpers/dashboard";
import { createRosterFixture } from "../../helpers/roster-fixture";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

// The audit's case: the form's default start (today), to 2026-12-20, 2 a week: 4 send days.
const TODAY = "2026-12-07";
const SMS = { SMS_PROVIDER: "smsgate", SMS_USERNAME: "thu", SMS_PASSWORD: "mat-khau-sms" };
let db: SqliteDb;
let communeId: number;

/** The cells of a row picked by a data attribute. */
function cells(html: string, attr: string): string[] {
  const tr = new RegExp(`<tr[^>]*${attr}[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? "";
  return [...tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

async function adminAt(hhmm: string) {
  const app = await createDashboardApp(db, zonedTime(TODAY, hhmm, "Asia/Ho_Chi_Minh"), [], SMS);
  const admin = await signedIn(app, db, `admin${hhmm.replace(":", "")}`, "mat-khau-rat-dai-1");
  const form = { name: "Tháng cao điểm 12", from: TODAY, to: "2026-12-20", audience: "expired", maxPerWeek: "2", communes: String(communeId), _csrf: await admin.csrf() };
  return { post: (step: string) => admin.post("/campaigns", { ...form, step }) };
}

beforeEach(async () => {
  db = createTestDb();
  const fixture = await createRosterFixture(db, await createTestProtector(), TODAY);
  communeId = fixture.communeId;
  await fixture.card("GD", -20, { phone: "84100000001" });
  await fixture.card("HS", -3, { phone: "84100000002" });
});

describe("a campaign created on the dashboard that starts today", () => {
  it("sends its first messages today, as many as the preview counts for the day", async () => {
    const admin = await adminAt("10:07");
    const preview = await (await admin.post("preview")).text();
    expect(cells(preview, 'data-figure="send-days"')).toEqual(["Số ngày gửi tin", "4"]);
    expect(cells(preview, 'data-figure="messages"')[1]).toBe("8");
    const created = await admin.post("create");
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").pop();
    const rows = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "campaign"));
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([expect.stringMatching(`^campaign:${id}:.*:${TODAY}$`), expect.stringMatching(`^campaign:${id}:.*:${TODAY}$`)]);
    expect(rows.every((r) => r.channel === "sms")).toBe(true);
    const [audit] = await db.orm.select().from(auditLog).where(eq(auditLog.action, "campaign.created"));
    expect(audit!.details).toMatchObject({ sendDays: 4, queuedToday: 2 });
  });

  it("does not promise today once the day's sending has closed, and sends nothing today", async () => {
    const admin = await adminAt("20:30");
    expect(cells(await (await admin.post("preview")).text(), 'data-figure="send-days"')).toEqual(["Số ngày gửi tin", "3"]);
    expect((await admin.post("create")).status).toBe(303);
    expect(await db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "campaign"))).toHaveLength(0);
  });
});
