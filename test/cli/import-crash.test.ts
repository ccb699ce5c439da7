import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ROSTER_HEADER, rosterLine } from "../../bench/lib/roster-csv";
import { createCliRunner } from "../helpers/run-cli";

const CLI = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bhyt-import-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = 1500;

/** `bhyt import cards` in its own process, killed with SIGKILL after `killAfterMs` (or left to finish). */
function importInChild(db: string, csv: string, killAfterMs?: number): Promise<{ killed: boolean; ms: number; code: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "import", "cards", csv, "--commune", "Ngọc Phụng", "--json"], {
    env: { ...process.env, DATABASE_PATH: db, LOG_LEVEL: "error", SEED_DEMO: "0" },
    stdio: "ignore",
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", ms: Date.now() - started, code });
    });
  });
}

function counts(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    const one = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
    return {
      people: one("select count(*) as n from people"),
      cards: one("select count(*) as n from cards"),
      households: one("select count(*) as n from households"),
      applied: one("select count(*) as n from import_batches where status = 'applied'"),
    };
  } finally {
    sqlite.close();
  }
}

describe("SIGKILL during bhyt import cards", () => {
  it("leaves either the whole roster or none of it, and a re-run completes it", async () => {
    const base = join(dir, "base.sqlite");
    expect((await createCliRunner({ DATABASE_PATH: base, LOG_LEVEL: "error" })("db", "seed-demo", "--json")).code).toBe(0);
    const csv = join(dir, "roster.csv");
    // Serials far above the demo roster's, so every row is a new person, card and household.
    writeFileSync(csv, [ROSTER_HEADER, ...Array.from({ length: ROWS }, (_, i) => rosterLine(100_000 + i, 7))].join("\n") + "\n");
    const before = counts(base);

    const reference = join(dir, "reference.sqlite");
    copyFileSync(base, reference);
    const full = await importInChild(reference, csv);
    expect(full.code).toBe(0);
    const complete = counts(reference);
    expect(complete.cards - before.cards).toBe(ROWS);

    // Kill points spread over the run: while rows are read and staged, and near the final apply.
    const outcomes: string[] = [];
    for (const fraction of [0.3, 0.7, 0.95]) {
      const db = join(dir, `killed-${fraction}.sqlite`);
      copyFileSync(base, db);
      const run = await importInChild(db, csv, Math.round(full.ms * fraction));
      const after = counts(db);
      const whole = after.cards === complete.cards && after.people === complete.people && after.households === complete.households && after.applied === complete.applied;
      const none = after.cards === before.cards && after.people === before.people && after.households === before.households && after.applied === before.applied;
      expect({ fraction, whole, none }).toSatisfy((o: { whole: boolean; none: boolean }) => o.whole !== o.none);
      outcomes.push(`${fraction}:${run.killed ? "killed" : "finished"}:${whole ? "whole" : "none"}`);
      // Whatever the crash left, importing the same file again ends with the complete roster.
      expect((await importInChild(db, csv)).code).toBe(0);
      expect(counts(db)).toMatchObject({ people: complete.people, cards: complete.cards, households: complete.households });
    }
    // The early kills must really have interrupted something, or the test proves nothing.
    expect(outcomes.filter((o) => o.includes("killed:none")).length).toBeGreaterThan(0);
  }, 180_000);
});
