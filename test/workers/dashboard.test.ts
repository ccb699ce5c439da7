import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("dashboard on workerd + D1", () => {
  it("GET /login renders the Vietnamese form with a CSRF cookie and the security headers", async () => {
    const res = await exports.default.fetch("https://bhyt.test/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/login"');
    expect(html).toContain("Tên đăng nhập");
    expect(res.headers.get("set-cookie")).toMatch(/bhyt_csrf=[\w-]{32}; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends a visitor without a session from / to /login", async () => {
    const res = await exports.default.fetch("https://bhyt.test/", { redirect: "manual" });
    expect([res.status, res.headers.get("location")]).toEqual([303, "/login?next=%2F"]);
  });
});
