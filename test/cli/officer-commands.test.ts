import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";

const env = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "bhyt-officer-")), "cli.sqlite"), LOG_LEVEL: "error" };

const cli = createCliRunner(env);

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--today", "2025-11-15", "--json")).code).toBe(0);
});

describe("bhyt officer invite", () => {
  it("issues a single-use code for a collector of a village of the commune", async () => {
    const { code, last } = await cli("officer", "invite", "--commune", "Ngọc Phụng", "--unit", "Xuân Thành", "--role", "collector", "--json");
    expect(code).toBe(0);
    expect(last).toMatchObject({ ok: true, role: "collector", commune: "38-01-01", unit: "38-01-01-02" });
    expect(last.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });

  it("accepts codes for the commune and the village", async () => {
    const { last } = await cli("officer", "invite", "--commune", "38-01-01", "--unit", "38-01-01-07", "--role", "collector", "--json");
    expect(last.unit).toBe("38-01-01-07");
  });

  it("refuses a village of another commune and an unknown role with exit code 2", async () => {
    const outside = await cli("officer", "invite", "--commune", "Ngọc Phụng", "--unit", "Tam Đường", "--role", "collector", "--json");
    expect(outside.code).toBe(2);
    expect(outside.last.ok).toBe(false);
    const role = await cli("officer", "invite", "--commune", "Ngọc Phụng", "--role", "boss", "--json");
    expect(role.code).toBe(2);
    expect(role.last.error.message).toContain("--role boss");
  });
});
