import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createGroupCommit } from "../../src/entry/group-commit";
import { isBusy } from "../../src/entry/sqlite-db";

/** A connection whose COMMITs are counted (the group commit prepares its statements through `prepare`). */
function countingConnection(path = ":memory:") {
  const sqlite = new Database(path);
  sqlite.exec("create table t (v text primary key)");
  const counts = { commits: 0 };
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    if (source !== "COMMIT") return statement;
    const run = statement.run.bind(statement);
    return Object.assign(statement, { run: () => (counts.commits++, run()) });
  }) as typeof sqlite.prepare;
  return { sqlite, counts };
}

const insert = (sqlite: Database.Database, ...values: string[]) => () => {
  for (const v of values) sqlite.prepare("insert into t (v) values (?)").run(v);
};
const rows = (sqlite: Database.Database) => (sqlite.prepare("select v from t order by v").pluck().all() as string[]).join(",");

describe("group commit", () => {
  it("commits the units that arrive in one turn once, and a later turn's apart", async () => {
    const { sqlite, counts } = countingConnection();
    const commit = createGroupCommit(sqlite, { busy: { isBusy, retries: 2 } });
    await Promise.all([commit(insert(sqlite, "a")), commit(insert(sqlite, "b")), commit(insert(sqlite, "c"))]);
    expect(counts.commits).toBe(1);
    await commit(insert(sqlite, "d"));
    expect(counts.commits).toBe(2);
    expect(rows(sqlite)).toBe("a,b,c,d");
  });

  it("rejects a failing unit alone and undoes its first statements; the rest of the group is committed", async () => {
    const { sqlite } = countingConnection();
    const commit = createGroupCommit(sqlite, { busy: { isBusy, retries: 2 } });
    await commit(insert(sqlite, "taken"));
    const results = await Promise.allSettled([commit(insert(sqlite, "x")), commit(insert(sqlite, "half", "taken")), commit(insert(sqlite, "y"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(rows(sqlite)).toBe("taken,x,y");
    expect(sqlite.inTransaction).toBe(false);
  });

  it("starts the group over while another connection holds the write lock, and gives up after its retries", async () => {
    const dir = await import("node:fs").then((fs) => fs.mkdtempSync(`${(process.env.TMPDIR ?? "/tmp").replace(/\/$/, "")}/group-commit-`));
    const { sqlite } = countingConnection(`${dir}/db.sqlite`);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 0");
    const other = new Database(`${dir}/db.sqlite`);
    other.exec("BEGIN IMMEDIATE");
    const commit = createGroupCommit(sqlite, { busy: { isBusy, retries: 8 } });
    const waiting = commit(insert(sqlite, "later"));
    setTimeout(() => other.exec("COMMIT"), 120);
    await waiting;
    expect(rows(sqlite)).toBe("later");

    other.exec("BEGIN IMMEDIATE");
    const impatient = createGroupCommit(sqlite, { busy: { isBusy, retries: 0 } });
    await expect(impatient(insert(sqlite, "never"))).rejects.toThrow(/locked|busy/i);
    other.exec("COMMIT");
    expect(rows(sqlite)).toBe("later");
  });
});
