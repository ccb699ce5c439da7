import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json";

describe("worker entry on workerd + D1", () => {
  it("GET /healthz answers through the real default export", async () => {
    const res = await exports.default.fetch("https://bhyt.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: "ok", version: pkg.version, outboxLagSeconds: expect.any(Number) });
  });

  it("unknown paths get the app's JSON 404", async () => {
    const res = await exports.default.fetch("https://bhyt.test/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: "not_found" } });
  });

  it("reference data from migrations is present", async () => {
    const row = await env.DB.prepare("select count(*) as n from participant_groups where kind = ?")
      .bind("funding")
      .first<{ n: number }>();
    expect(row?.n).toBe(5);
  });
});
