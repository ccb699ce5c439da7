/** Issue 19: `/login?next=%2F%09%2Fevil.example` passed the old prefix check; a browser drops the tab and goes to //evil.example. */
import { describe, expect, it } from "vitest";
import { safeNext } from "../../src/http/dashboard/auth-routes";
import { CookieJar, addAccount, createDashboardApp } from "../helpers/dashboard";
import { createTestDb } from "../helpers/test-db";

describe("the address after sign-in stays on this site", () => {
  it.each(["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", "/\\/evil.example", "/%09/evil.example".replace("%09", "\t"), "https://evil.example", "/\r\n/evil.example", " /x"])(
    "refuses %j",
    (next) => {
      expect(safeNext(next)).toBe("/");
    },
  );

  it("keeps our own paths with their query", () => {
    expect(safeNext("/units/38-01-01?tab=roster")).toBe("/units/38-01-01?tab=roster");
    expect(safeNext("/")).toBe("/");
  });

  it("a sign-in with next=/<tab>/evil.example lands on / (the page and the redirect)", async () => {
    const db = createTestDb();
    const app = await createDashboardApp(db, new Date());
    await addAccount(db, "admin", "mat-khau-rat-dai-1");
    const page = await (await app.request("/login?next=%2F%09%2Fevil.example")).text();
    // The form carries "/" (the language link repeats the query on our own origin, harmless).
    expect(page).toMatch(/<input type="hidden" name="next" value="\/"\/>/);
    const jar = new CookieJar(app);
    const res = await jar.post("/login", { username: "admin", password: "mat-khau-rat-dai-1", _csrf: await jar.csrf(), next: "/\t/evil.example" });
    expect([res.status, res.headers.get("location")]).toEqual([303, "/"]);
  });
});
