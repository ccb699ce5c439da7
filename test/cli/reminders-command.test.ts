import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-reminders-cli-"));
const cli = createCliRunner({ DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" });

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--today", "2025-11-15", "--json")).code).toBe(0);
});

describe("bhyt reminders plan", () => {
  it("counts without writing on --dry-run, plans once, and plans nothing on a second run", async () => {
    const args = ["reminders", "plan", "--commune", "Ngọc Phụng", "--on", "2025-11-15", "--json"];
    const dry = await cli(...args, "--dry-run");
    expect(dry.code).toBe(0);
    const summary = dry.last as { ok: boolean; byOffset: Record<string, number>; skipped: { autoRenew: number; optedOut: number }; undeliverable: number };
    expect(Object.keys(summary.byOffset).sort()).toEqual(["-3", "1", "30", "7"]);
    const due = Object.values(summary.byOffset).reduce((a, b) => a + b, 0);
    expect(due).toBeGreaterThan(0);
    // No SMS provider and no subscriptions in the demo: every due reminder is undeliverable.
    expect(summary.undeliverable).toBe(due);
    expect((await cli(...args)).last).toEqual(dry.last);
    expect((await cli(...args)).last).toEqual({ ok: true, byOffset: { "30": 0, "7": 0, "1": 0, "-3": 0 }, skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 });
  });

  it("refuses a bad date with exit code 2", async () => {
    expect((await cli("reminders", "plan", "--on", "2025-02-30", "--json")).code).toBe(2);
  });
});
