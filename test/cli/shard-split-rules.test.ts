import { is } from "drizzle-orm";
import { SQLiteTable, getTableConfig } from "drizzle-orm/sqlite-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { SPLIT_RULES, UNENFORCED_REFERENCES, fileTables, keyOwner } from "../../src/cli/commands/shard-split-rules";
import { danglingKeys } from "../../src/cli/commands/shard-split";

let dir: string;
let db: SqliteDb;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bhyt-split-rules-"));
  db = openSqliteDb(join(dir, "province.sqlite"));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const schemaTables = Object.values(schema).filter((v) => is(v, SQLiteTable)) as SQLiteTable[];

describe("split rules", () => {
  it("cover every table of the schema and of a migrated file, and name no table that is gone", () => {
    const names = schemaTables.map((t) => getTableConfig(t).name);
    expect(names.length).toBeGreaterThan(40);
    for (const name of [...names, ...fileTables(db.sqlite)]) expect(SPLIT_RULES, `no split rule for ${name}`).toHaveProperty([name]);
    // d1_migrations is wrangler's migration ledger: only a D1 export holds it (bhyt d1 split).
    for (const name of Object.keys(SPLIT_RULES).filter((n) => n !== "d1_migrations")) expect(fileTables(db.sqlite), `rule for a table that is gone: ${name}`).toContain(name);
  });

  it("copy no table to both parts that points at units, people, cards, contacts or anything pruned", () => {
    // A table keyed (by a foreign key, or a column named after a unit/person/card) to pruned rows must be pruned too.
    const keyed = /(^|_)(unit_id|person_id|household_id|card_id|contact_id|officer_id|account_id|identity_id|message_id|report_id)$/;
    for (const table of fileTables(db.sqlite)) {
      const rule = SPLIT_RULES[table]!;
      if (rule.kind !== "replicated") continue;
      const declared = (db.sqlite.pragma(`foreign_key_list("${table}")`) as { table: string }[]).map((f) => f.table);
      const parents = [...declared, ...UNENFORCED_REFERENCES.filter((r) => r.table === table).map((r) => r.parent)];
      for (const parent of parents) expect(SPLIT_RULES[parent]?.kind, `${table} is copied whole but points at ${parent}`).toBe("replicated");
      const columns = (db.sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      expect(columns.filter((c) => keyed.test(c) && !rule.unitColumns?.includes(c)), `${table} is copied whole but has unit-keyed columns`).toEqual([]);
    }
  });

  it("find a plan row whose card is gone, though no foreign key declares that reference", () => {
    expect(danglingKeys(db.sqlite)).toEqual([]);
    db.sqlite.prepare("insert into reminder_plans (card_id, offset_days, valid_to, outcome, planned_on, created_at) values (424242, 30, '2026-12-31', 'undeliverable', '2026-12-01', 0)").run();
    try {
      expect(danglingKeys(db.sqlite)).toEqual([expect.objectContaining({ table: "reminder_plans", parent: "cards" })]);
    } finally {
      db.sqlite.exec("delete from reminder_plans");
    }
  });

  it("read the household or person an outbox key names", () => {
    expect(keyOwner("reminder:h12:30:2026-12-06", "h")).toBe(12);
    expect(keyOwner("reminder:p7:0:2026-12-06", "p")).toBe(7);
    expect(keyOwner("reminder:p7:0:2026-12-06", "h")).toBeNull();
    expect(keyOwner("campaign:3:h41:2026-12-06", "h")).toBe(41);
    expect(keyOwner("telegram-reply:99:0", "h")).toBeNull();
    expect(keyOwner(null, "h")).toBeNull();
  });
});
