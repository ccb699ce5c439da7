import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-campaign-cli-"));
const cli = createCliRunner({ DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" });

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--today", "2025-11-15", "--json")).code).toBe(0);
});

describe("bhyt campaign", () => {
  it("estimates before creating, creates, and lists", async () => {
    const args = ["campaign", "create", "--name", "Tháng cao điểm", "--from", "2030-11-01", "--to", "2030-11-30", "--commune", "Ngọc Phụng", "--max-per-week", "1", "--json"];
    const dry = await cli(...args, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.last).toMatchObject({ ok: true, estimate: { sendDays: 5, smsMessages: 0 } });
    const created = await cli(...args);
    expect(created.last).toMatchObject({ ok: true, campaign: { name: "Tháng cao điểm", startsOn: "2030-11-01", endsOn: "2030-11-30", maxPerWeek: 1, audience: ["expired", "expiring"] } });
    const list = await cli("campaign", "list", "--json");
    expect((list.last as { campaigns: unknown[] }).campaigns).toHaveLength(1);
  });

  it("refuses a window that ends before it starts, or an unknown audience, with exit code 2", async () => {
    expect((await cli("campaign", "create", "--name", "X", "--from", "2030-11-30", "--to", "2030-11-01", "--json")).code).toBe(2);
    expect((await cli("campaign", "create", "--name", "X", "--from", "2030-11-01", "--to", "2030-11-30", "--audience", "everyone", "--json")).code).toBe(2);
  });
});
