import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
