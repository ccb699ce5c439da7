import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { LOOKUP_FAILED } from "../../../src/core/residents/lookup-guard";
import { adminUnits, auditLog, inviteCodes, outboxMessages } from "../../../src/db/schema";
import { CookieJar, createDashboardApp, signedIn } from "../../helpers/dashboard";
import { NOW, createTallyWorld, type TallyWorld } from "../../core/tallies/tally-fixture";

let w: TallyWorld;
let app: App;
let admin: CookieJar;
let communeAdmin: CookieJar;
let otherCommuneId: number;

const jarFor = async (username: string, password: string) => {
  const jar = new CookieJar(app);
  await jar.login(username, password);
  return jar;
};
const post = async (jar: CookieJar, path: string, fields: Record<string, string> = {}) => jar.post(path, { ...fields, _csrf: await jar.csrf() });
const text = async (res: Response | Promise<Response>) => (await res).text();

beforeAll(async () => {
  w = await createTallyWorld();
  app = await createDashboardApp(w.db, NOW);
  admin = await signedIn(app, w.db, "admin", "mat-khau-rat-dai-1");
  communeAdmin = await signedIn(app, w.db, "ngocphung", "mat-khau-cua-xa-1", w.commune.id);
  const [other] = await w.db.orm.insert(adminUnits).values({ code: "38-01-99", name: "Thử", level: "commune", kind: "xã", parentId: w.commune.parentId, searchKey: "thu" }).returning();
  otherCommuneId = other!.id;
});

describe("outbox and dead letters", () => {
  let failedId: number;
  let droppedId: number;
  beforeAll(async () => {
    const row = (key: string, status: "failed" | "dropped" | "pending", reason: string | null) => ({
      idempotencyKey: key, channel: "sms" as const, purpose: "reminder", templateKey: "reminder-expiring", payload: { toEnc: "secret" }, status, notBefore: NOW, attempts: 5, lastErrorCode: reason, updatedAt: NOW,
    });
    const rows = await w.db.orm.insert(outboxMessages).values([row("a", "failed", "http_402"), row("b", "dropped", "expired"), row("c", "pending", null)]).returning();
    [failedId, droppedId] = [rows[0]!.id, rows[1]!.id];
  });

  it("counts messages by state and lists dead letters with their reasons, never their payload", async () => {
    const html = await text(admin.request("/admin/outbox"));
    expect(html).toMatch(/<tr data-channel="sms">.*?<td class="num pending">1<\/td>.*?<td class="num failed">1<\/td><td class="num dropped">1<\/td>/s);
    expect(html).toMatch(new RegExp(`<tr data-message="${failedId}">.*?http_402.*?Gửi lại`, "s"));
    // An expired message would only be dropped again: no retry button.
    expect(html).toMatch(new RegExp(`<tr data-message="${droppedId}">(?:(?!</tr>).)*expired(?:(?!</tr>).)*<td></td></tr>`, "s"));
    expect(html).not.toContain("secret");
  });

  it("puts a failed message back in the queue with a fresh attempt budget, audited", async () => {
    const res = await post(admin, `/admin/outbox/${failedId}/retry`);
    expect(res.status).toBe(303);
    const [row] = await w.db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, failedId));
    expect(row).toMatchObject({ status: "pending", attempts: 0, leaseUntil: null });
    expect(await text(admin.request(res.headers.get("location")!))).toContain(`Tin ${failedId} đã được đưa lại vào hàng đợi.`);
    const [audit] = await w.db.orm.select().from(auditLog).where(eq(auditLog.action, "outbox.retried"));
    expect(audit).toMatchObject({ actorId: "admin", subjectId: String(failedId) });
    expect((await post(admin, `/admin/outbox/${droppedId}/retry`)).status).toBe(409);
    expect((await post(admin, `/admin/outbox/${failedId}/retry`)).status).toBe(409);
  });

  it("is for national accounts only", async () => {
    expect((await communeAdmin.request("/admin/outbox")).status).toBe(403);
    expect((await post(communeAdmin, `/admin/outbox/${droppedId}/retry`)).status).toBe(403);
    expect((await communeAdmin.request("/admin/audit")).status).toBe(403);
  });
});

describe("audit log and the failed look-up alarm", () => {
  it("rings on national pages when failed look-ups spike, and the log filters by action", async () => {
    expect(await text(admin.request("/"))).not.toContain('class="alarm"');
    await w.db.orm.insert(auditLog).values(Array.from({ length: 20 }, (_, i) => ({ at: new Date(NOW.getTime() - i * 60_000), actorKind: "resident" as const, actorId: `telegram:${i}`, action: LOOKUP_FAILED })));
    const html = await text(admin.request("/"));
    expect(html).toContain("Cảnh báo: 20 lượt tra cứu thẻ thất bại trong giờ qua (ngưỡng 20).");
    expect(await text(communeAdmin.request("/"))).not.toContain('class="alarm"');
    const log = await text(admin.request(`/admin/audit?action=${LOOKUP_FAILED}`));
    expect(log.match(/<tr data-action="card.lookup_failed">/g)).toHaveLength(20);
    expect(log).not.toContain('<tr data-action="outbox.retried">');
    expect(log).toContain("Trang 1/1 (20 dòng)");
  });

  it("shows times on the reader's clock (Asia/Ho_Chi_Minh), not UTC", async () => {
    // 20:30 UTC is 03:30 the next morning in Vietnam.
    await w.db.orm.insert(auditLog).values({ at: new Date("2026-03-04T20:30:15Z"), actorKind: "system", actorId: "test", action: "test.clock" });
    const log = await text(admin.request("/admin/audit?action=test.clock"));
    expect(log).toContain("05/03/2026 03:30:15");
    expect(log).not.toContain("2026-03-04 20:30");
    // The header names the zone the times are in; it said "UTC" over Vietnam times once.
    expect(log).toContain("Thời điểm (giờ Việt Nam)");
    expect(log).not.toContain("UTC");
    expect(await text(admin.request("/admin/audit?action=test.clock&lang=en"))).toContain("Time (Vietnam Time)");
    // ?lang= is remembered: back to Vietnamese for the tests that follow.
    await admin.request("/admin/audit?lang=vi");
  });

  it("names whatever zone TIMEZONE configures, with the times in it", async () => {
    const utcApp = await createDashboardApp(w.db, NOW, [], { TIMEZONE: "UTC" });
    const jar = await signedIn(utcApp, w.db, "utc-reader", "mat-khau-rat-dai-2");
    const log = await text(jar.request("/admin/audit?action=test.clock"));
    expect(log).toContain("04/03/2026 20:30:15");
    expect(log).toContain("Thời điểm (GMT+0)");
    expect(log).not.toContain("Việt Nam");
  });
});

describe("officers and invite codes", () => {
  it("creates an invite shown once, stores only its hash, lists and revokes it", async () => {
    const html = await text(post(communeAdmin, "/admin/invites", { role: "collector", commune: String(w.commune.id), village: String(w.village.xuanThanh.id) }));
    const code = /<span class="secret invite-code">(.*?)<\/span>/.exec(html)![1]!;
    // The expiry is local time, and says so (it was labelled UTC).
    expect(html).toMatch(/hết hạn \d\d\/\d\d\/\d{4} \d\d:\d\d giờ Việt Nam\):/);
    expect(code.length).toBeGreaterThan(4);
    const [stored] = await w.db.orm.select().from(inviteCodes);
    expect(stored!.codeHash).not.toContain(code);
    expect(stored).toMatchObject({ role: "collector", scopeUnitId: w.commune.id, unitId: w.village.xuanThanh.id, createdBy: "admin:ngocphung" });
    const list = await text(communeAdmin.request("/admin/officers"));
    expect(list).toContain(`<tr data-invite="${stored!.id}">`);
    expect(list).not.toContain(code);
    expect(list).toContain("Anh Minh");
    // Outside the commune account's scope: refused.
    expect((await post(communeAdmin, "/admin/invites", { role: "commune", commune: String(otherCommuneId) })).status).toBe(400);
    expect((await post(communeAdmin, `/admin/invites/${stored!.id}/revoke`)).status).toBe(303);
    expect(await text(communeAdmin.request("/admin/officers"))).not.toContain(`<tr data-invite="${stored!.id}">`);
    expect((await post(communeAdmin, `/admin/invites/${stored!.id}/revoke`)).status).toBe(404);
  });

  it("explains a collector invite without a village in the user's language", async () => {
    const res = await post(admin, "/admin/invites", { role: "collector", commune: String(w.commune.id), village: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Cán bộ thôn cần được giao một thôn");
  });
});

describe("admin accounts and sessions", () => {
  it("creates accounts inside the creator's scope only", async () => {
    const ok = await post(communeAdmin, "/admin/accounts", { username: "Thon-XT", password: "mat-khau-thon-123", scope: "38-01-01-02" });
    expect(await ok.text()).toContain("Đã tạo tài khoản thon-xt.");
    const national = await post(communeAdmin, "/admin/accounts", { username: "boss", password: "mat-khau-thon-123", scope: "" });
    expect(national.status).toBe(400);
    expect(await national.text()).toContain("Phạm vi của tài khoản mới phải nằm trong phạm vi của tài khoản đang dùng.");
    expect((await post(communeAdmin, "/admin/accounts", { username: "x2", password: "short", scope: "38-01-01" })).status).toBe(400);
    expect((await post(admin, "/admin/accounts", { username: "thon-xt", password: "mat-khau-thon-123", scope: "38" })).status).toBe(409);
    const list = await text(communeAdmin.request("/admin/accounts"));
    expect(list).toContain('<tr data-account="thon-xt">');
    expect(list).not.toContain('<tr data-account="admin">');
  });

  it("lists open sessions and ends one, which signs that browser out", async () => {
    const victim = await jarFor("thon-xt", "mat-khau-thon-123");
    expect((await victim.request("/")).status).toBe(200);
    const html = await text(communeAdmin.request("/admin/accounts"));
    expect(html).toContain("Đăng nhập lúc (giờ Việt Nam)");
    const id = /<tr data-session-of="thon-xt">.*?action="\/admin\/sessions\/([^/]+)\/revoke"/s.exec(html)![1]!;
    expect((await post(communeAdmin, `/admin/sessions/${id}/revoke`)).status).toBe(303);
    expect((await victim.request("/")).status).toBe(303);
    // The national admin's own session is outside the commune account's reach.
    const adminHtml = await text(admin.request("/admin/accounts"));
    const adminSession = /<tr data-session-of="admin">.*?action="\/admin\/sessions\/([^/]+)\/revoke"/s.exec(adminHtml)![1]!;
    expect((await post(communeAdmin, `/admin/sessions/${adminSession}/revoke`)).status).toBe(404);
  });

  it("signing out ends the session for good, and disabling an account ends all of its sessions", async () => {
    const jar = await jarFor("thon-xt", "mat-khau-thon-123");
    const cookie = jar.cookies.get("bhyt_session")!;
    await post(jar, "/logout");
    const replay = new CookieJar(app);
    replay.cookies.set("bhyt_session", cookie);
    expect((await replay.request("/")).status).toBe(303);
    const again = await jarFor("thon-xt", "mat-khau-thon-123");
    const id = /<tr data-account="thon-xt">.*?action="\/admin\/accounts\/(\d+)\/disable"/s.exec(await text(admin.request("/admin/accounts")))![1]!;
    expect((await post(admin, `/admin/accounts/${id}/disable`)).status).toBe(303);
    expect((await again.request("/")).status).toBe(303);
  });
});
