import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLocalState } from "../helpers/real-worker";
import { createCliRunner } from "../helpers/run-cli";

// The full path (migrate, seed, start, sign in) runs against the real Worker in test/entry/real-worker.test.ts.
describe("bhyt d1 seed-demo", () => {
  const run = createCliRunner({});

  it("refuses without --local: demo data never goes into a real D1", async () => {
    const result = await run("d1", "seed-demo", "--json");
    expect(result.code).toBe(2);
    expect(result.last).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(result.last.error.message).toContain("--local");
  });

  it("refuses without the Worker's personal-data keys, and says where to put them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bhyt-d1-cli-"));
    try {
      await writeFile(join(dir, "empty.env"), "LOG_LEVEL=error\n");
      const result = await run("d1", "seed-demo", "--local", "--persist-to", join(dir, "state"), "--env-file", join(dir, "empty.env"), "--json");
      expect(result.code).toBe(2);
      expect(result.last).toMatchObject({ ok: false, error: { code: "no_keys" } });
      expect(result.last.error.message).toContain(".dev.vars");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("loads the same demo as `bhyt db seed-demo`: this year's targets and the synthetic tallies too", async () => {
    const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
    const state = await createLocalState({ DATA_ENCRYPTION_KEY: key(3), BLIND_INDEX_KEY: key(4), DATA_KEY_ID: "d1-seed-test", LOG_LEVEL: "error" });
    try {
      // The seeds' plans stop at 2025: targets for 2027 exist only when the demo activity is seeded.
      const result = await run("d1", "seed-demo", "--local", "--persist-to", state.persistTo, "--env-file", state.envFile, "--today", "2027-03-10", "--json");
      expect(result.code).toBe(0);
      expect(result.last).toMatchObject({ ok: true, activity: { year: 2027 } });
      const [year] = await state.query<{ n: number }>("select count(*) as n from targets where year = 2027");
      const [tallies] = await state.query<{ n: number }>("select count(*) as n from tally_entries");
      expect(year?.n).toBeGreaterThan(0);
      expect(tallies?.n).toBeGreaterThan(0);
    } finally {
      await state.remove();
    }
  }, 120_000);
});
