/** Issue 19: a commune account could disable its peers (same scope); only a wider scope may. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminAccounts } from "../../src/db/schema";
import { addAccount, createDashboardApp, signedIn, type CookieJar } from "../helpers/dashboard";
import { NOW, createTallyWorld } from "../core/tallies/tally-fixture";

const post = async (jar: CookieJar, path: string) => jar.post(path, { _csrf: await jar.csrf() });
const status = async (db: Awaited<ReturnType<typeof createTallyWorld>>["db"], id: number) =>
  (await db.orm.select().from(adminAccounts).where(eq(adminAccounts.id, id)))[0]!.status;

describe("disabling accounts", () => {
  it("a commune account cannot disable a peer of its commune; the national admin can", async () => {
    const w = await createTallyWorld();
    const app = await createDashboardApp(w.db, NOW);
    const commune = await signedIn(app, w.db, "xa-a", "mat-khau-cua-xa-1", w.commune.id);
    const peer = await addAccount(w.db, "xa-b", "mat-khau-cua-xa-2", w.commune.id);
    const village = await addAccount(w.db, "thon-a", "mat-khau-cua-thon", w.village.xuanThanh.id);
    expect((await post(commune, `/admin/accounts/${peer}/disable`)).status).toBe(404);
    expect(await status(w.db, peer)).toBe("active");
    // A narrower scope (a village of the commune) is still the commune's to disable.
    expect((await post(commune, `/admin/accounts/${village}/disable`)).status).toBe(303);
    expect(await status(w.db, village)).toBe("disabled");
    const national = await signedIn(app, w.db, "admin", "mat-khau-rat-dai-1");
    expect((await post(national, `/admin/accounts/${peer}/disable`)).status).toBe(303);
    expect(await status(w.db, peer)).toBe("disabled");
  });
});
