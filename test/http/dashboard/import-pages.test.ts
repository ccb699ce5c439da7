import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { adminUnits, auditLog, importBatches } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { CookieJar, addAccount, createDashboardApp } from "../../helpers/dashboard";
import { createTestDb } from "../../helpers/test-db";

const NOW = new Date("2025-11-15T03:00:00Z");
let db: SqliteDb;
let app: App;
let admin: CookieJar;

beforeEach(async () => {
  db = createTestDb();
  app = await createDashboardApp(db, NOW);
  await addAccount(db, "admin", "mat-khau-rat-dai-1");
  admin = new CookieJar(app);
  await admin.login("admin", "mat-khau-rat-dai-1");
});

async function upload(jar: CookieJar, name: string, content: string, kind = "units") {
  const form = new FormData();
  form.set("_csrf", await jar.csrf());
  form.set("kind", kind);
  form.set("file", new File([content], name));
  // As a browser sends it: encoded, with its length declared.
  const encoded = new Request("http://x/", { method: "POST", body: form });
  const body = await encoded.arrayBuffer();
  return jar.request("/admin/import", { method: "POST", body, headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.byteLength) } });
}
const units = async () => (await db.orm.select().from(adminUnits)).map((u) => u.code).sort();
const TREE = "code,name,level,parent_code\n38,Thanh Hóa,province,\n38-01-01,Ngọc Phụng,commune,38\n38-01-01-01,Quyết Tiến,village,38-01-01\n";

describe("importing units from the dashboard", () => {
  it("previews a valid file without writing it, then saves it on request", async () => {
    const res = await upload(admin, "don-vi.csv", TREE);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Tệp hợp lệ: 3 dòng sẽ được ghi (3 mới, 0 cập nhật). Chưa có gì được lưu.");
    expect(html).toContain("Ngọc Phụng");
    expect(await units()).toEqual([]);
    const batchId = /action="\/admin\/import\/(\d+)\/apply"/.exec(html)![1]!;
    const saved = await admin.post(`/admin/import/${batchId}/apply`, { kind: "units", _csrf: await admin.csrf() });
    expect(await saved.text()).toContain("Đã nhập 3 dòng (3 mới, 0 cập nhật).");
    expect(await units()).toEqual(["38", "38-01-01", "38-01-01-01"]);
    const [audit] = await db.orm.select().from(auditLog).where(eq(auditLog.action, "import.units"));
    expect(audit).toMatchObject({ actorId: "admin", subjectId: batchId });
    // A preview is saved once.
    expect((await admin.post(`/admin/import/${batchId}/apply`, { kind: "units", _csrf: await admin.csrf() })).status).toBe(404);
  });

  it("lists row errors in the user's language and offers no save", async () => {
    const res = await upload(admin, "bad.csv", "code,name,level,parent_code\n38,Thanh Hóa,province,\n38-01-01,Ngọc Phụng,xa-lo,38\n");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/Dòng 3: /);
    expect(html).not.toContain("/apply");
    expect(await units()).toEqual([]);
    const missing = await upload(admin, "bad.csv", "code,name\n38,Thanh Hóa\n");
    expect(await missing.text()).toContain("Thiếu cột bắt buộc");
  });

  it("discards a preview, and keeps another admin from saving it", async () => {
    await addAccount(db, "admin2", "mat-khau-rat-dai-2");
    const other = new CookieJar(app);
    await other.login("admin2", "mat-khau-rat-dai-2");
    const batchId = /action="\/admin\/import\/(\d+)\/apply"/.exec(await (await upload(admin, "don-vi.csv", TREE)).text())![1]!;
    expect((await other.post(`/admin/import/${batchId}/apply`, { kind: "units", _csrf: await other.csrf() })).status).toBe(404);
    await admin.post(`/admin/import/${batchId}/discard`, { kind: "units", _csrf: await admin.csrf() });
    const [batch] = await db.orm.select().from(importBatches).where(eq(importBatches.id, Number(batchId)));
    expect(batch!.status).toBe("failed");
    expect((await admin.post(`/admin/import/${batchId}/apply`, { kind: "units", _csrf: await admin.csrf() })).status).toBe(404);
    expect(await units()).toEqual([]);
  });

  it("refuses an oversized upload with a message, and commune accounts altogether", async () => {
    const big = await upload(admin, "big.csv", "code,name,level,parent_code\n" + "x".repeat(5 * 1024 * 1024 + 100_000));
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Tệp quá lớn");
    const [province] = await db.orm.insert(adminUnits).values({ code: "12", name: "Lai Châu", level: "province", searchKey: "lai chau" }).returning();
    await addAccount(db, "laichau", "mat-khau-rat-dai-3", province!.id);
    const scoped = new CookieJar(app);
    await scoped.login("laichau", "mat-khau-rat-dai-3");
    expect((await scoped.request("/admin/import")).status).toBe(403);
    expect((await upload(scoped, "don-vi.csv", TREE)).status).toBe(403);
  });
});
