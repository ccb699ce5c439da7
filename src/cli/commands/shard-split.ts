/**
 * @module The data side of `bhyt shards split`: which units move, the plan (rows per table
 * that move and stay), and the split itself on two fresh copies of the part's file, each
 * pruned by the rules of shard-split-rules.ts and then checked against the untouched
 * original before anything switches: per partitioned table, rows(original) = rows(old part)
 * + rows(new part) and the order-free checksums add up the same way; replicated tables are
 * identical on all three; no foreign key left dangling in either part.
 */
import Database from "better-sqlite3";
import { existsSync, rmSync } from "node:fs";
import { digestTable, sameDigest, unionDigest } from "./shard-copy";
import { SPLIT_RULES, SPLIT_SETS, UNENFORCED_REFERENCES, fileTables, movingWhere, prepareSplitSets, type SplitRule } from "./shard-split-rules";

export interface Assignment {
  unitPrefix: string;
  shardKey: string;
}

/** The part a unit code goes to: the longest assigned prefix it equals or extends (as the router reads it). */
export function partOf(code: string, assignments: readonly Assignment[]): string | undefined {
  let best: Assignment | undefined;
  for (const a of assignments) {
    if ((code === a.unitPrefix || code.startsWith(`${a.unitPrefix}-`)) && (!best || a.unitPrefix.length > best.unitPrefix.length)) best = a;
  }
  return best?.shardKey;
}

export interface SplitUnits {
  /** Ids of the units whose data moves (the same ids in every copy of the file). */
  moving: number[];
  /** Ids the new part keeps as well, without their data: the ancestors of moving units. */
  ancestors: number[];
  /** Units each prefix names in this file (0: a prefix that names nothing here). */
  perPrefix: Record<string, number>;
  /** Codes of units that stay in this file although the router would send them to another part. */
  elsewhere: string[];
}

/** The units of the file that the new assignments send to `into` (a longer assignment elsewhere still wins). */
export function splitUnits(db: Database.Database, input: { prefixes: readonly string[]; into: string; rest: string; assignments: readonly Assignment[] }): SplitUnits {
  const after = [...input.assignments.filter((a) => !input.prefixes.includes(a.unitPrefix)), ...input.prefixes.map((p) => ({ unitPrefix: p, shardKey: input.into }))];
  const units = db.prepare("select id, code, parent_id as parentId from admin_units").all() as { id: number; code: string; parentId: number | null }[];
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const moving = units.filter((u) => partOf(u.code, after) === input.into).map((u) => u.id);
  const movingSet = new Set(moving);
  const ancestors = new Set<number>();
  for (const id of moving) {
    for (let p = parent.get(id); p != null && !movingSet.has(p) && !ancestors.has(p); p = parent.get(p)) ancestors.add(p);
  }
  const perPrefix = Object.fromEntries(input.prefixes.map((p) => [p, units.filter((u) => u.code === p || u.code.startsWith(`${p}-`)).length]));
  // A unit no assignment covers (the province above its parts) is unreachable by code either way.
  const elsewhere = units.filter((u) => !movingSet.has(u.id) && ![undefined, input.rest].includes(partOf(u.code, after))).map((u) => u.code);
  return { moving, ancestors: [...ancestors], perPrefix, elsewhere };
}

export interface SplitPlanRow {
  table: string;
  kind: SplitRule["kind"];
  rows: number;
  /** Rows that go to the new part only (partitioned) or that it keeps too (units: ancestors counted apart). */
  moving: number;
}

/** Tables of the file that no rule covers: the split refuses them. */
export const unruledTables = (db: Database.Database) => fileTables(db).filter((t) => !(t in SPLIT_RULES));

/** Rows per table that move and stay, read from the file without changing it. */
export function splitPlan(db: Database.Database, units: SplitUnits): SplitPlanRow[] {
  prepareSplitSets(db, units.moving);
  try {
    return fileTables(db).map((table) => {
      const rule = SPLIT_RULES[table]!;
      const count = (where: string) => (db.prepare(`select count(*) from "${table}" where ${where}`).pluck().get() as number) ?? 0;
      const rows = count("1");
      const moving = rule.kind === "partition" ? count(movingWhere(rule)) : rule.kind === "tree" ? units.moving.length : rows;
      return { table, kind: rule.kind, rows, moving };
    });
  } finally {
    dropSplitSets(db);
  }
}

function dropSplitSets(db: Database.Database): void {
  for (const name of ["split_units", ...SPLIT_SETS.map(([set]) => set)]) db.exec(`drop table if exists temp.${name}`);
}

/** Whether a file holds any data of units (a freshly migrated file holds only replicated tables). */
export function holdsUnitData(path: string): boolean {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fileTables(db).some((t) => SPLIT_RULES[t]?.kind !== "replicated" && db.prepare(`select 1 from "${t}" limit 1`).get() !== undefined);
  } finally {
    db.close();
  }
}

/**
 * Prunes one copy: `old` deletes what moves, `new` deletes what stays (keeping the ancestor
 * units). Foreign keys are off while rows go, so nothing cascades beyond the rules; dangling
 * references found afterwards are returned (the split refuses them). The file is vacuumed:
 * a split is for size.
 */
export function pruneCopy(path: string, side: "old" | "new", units: SplitUnits, alreadyDangling: ReadonlySet<string> = new Set()): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("foreign_keys = OFF");
    prepareSplitSets(db, units.moving);
    const keep = JSON.stringify([...units.moving, ...units.ancestors]);
    const tables = fileTables(db);
    // Every table's moving rows are found before any row goes: a condition that reads another
    // table (an audit subject's unit, a conversation's identity) must see it whole.
    for (const table of tables) {
      const rule = SPLIT_RULES[table]!;
      if (rule.kind === "partition") db.exec(`create temp table "split_rows_${table}" (r integer primary key); insert into temp."split_rows_${table}" select rowid from "${table}" where ${movingWhere(rule)}`);
    }
    db.transaction(() => {
      for (const table of tables) {
        const rule = SPLIT_RULES[table]!;
        if (rule.kind === "replicated") continue;
        if (rule.kind === "tree") {
          if (side === "old") db.exec(`delete from "${table}" where id in (select id from temp.split_units)`);
          else db.prepare(`delete from "${table}" where id not in (select value from json_each(?))`).run(keep);
          continue;
        }
        db.exec(`delete from "${table}" where rowid ${side === "old" ? "in" : "not in"} (select r from temp."split_rows_${table}")`);
      }
    })();
    for (const table of tables) db.exec(`drop table if exists temp."split_rows_${table}"`);
    dropSplitSets(db);
    const dangling = danglingKeys(db).filter((d) => !alreadyDangling.has(d.key));
    db.exec("vacuum");
    return [...new Set(dangling.map((d) => `${d.table} → ${d.parent}`))];
  } finally {
    db.close();
  }
}

/**
 * Rows whose foreign key names no row, as SQLite's own check finds them, and rows whose
 * unenforced reference (UNENFORCED_REFERENCES) names none, keyed by the row's values (a copy
 * may renumber the rowids of tables without an integer primary key).
 */
export function danglingKeys(db: Database.Database): { key: string; table: string; parent: string }[] {
  const rows = db.pragma("foreign_key_check") as { table: string; rowid: number | null; parent: string }[];
  for (const ref of UNENFORCED_REFERENCES) {
    const orphans = db.prepare(`select rowid from "${ref.table}" where "${ref.column}" not in (select id from "${ref.parent}")`).pluck().all() as number[];
    for (const rowid of orphans) rows.push({ table: ref.table, rowid, parent: ref.parent });
  }
  return rows.map((r) => {
    const values = r.rowid === null ? null : db.prepare(`select * from "${r.table}" where rowid = ?`).raw().get(r.rowid);
    return { key: `${r.table}:${r.parent}:${JSON.stringify(values)}`, table: r.table, parent: r.parent };
  });
}

/** Differences between the original and its two pruned parts (empty: the split is whole). */
export function verifySplit(paths: { source: string; old: string; new: string }, units: SplitUnits): string[] {
  const open = (p: string) => new Database(p, { readonly: true, fileMustExist: true });
  const [src, old, neu] = [open(paths.source), open(paths.old), open(paths.new)];
  try {
    const problems: string[] = [];
    const tables = fileTables(src);
    for (const db of [old, neu]) if (fileTables(db).join() !== tables.join()) problems.push("tables");
    const moving = JSON.stringify(units.moving);
    for (const table of tables) {
      const rule = SPLIT_RULES[table];
      if (!rule) {
        problems.push(`${table}: no rule`);
        continue;
      }
      const whole = digestTable(src, table);
      if (rule.kind === "replicated") {
        if (!sameDigest(digestTable(old, table), whole) || !sameDigest(digestTable(neu, table), whole)) problems.push(`${table}: not identical`);
      } else if (rule.kind === "partition") {
        if (!sameDigest(unionDigest(digestTable(old, table), digestTable(neu, table)), whole)) problems.push(`${table}: old + new ≠ original`);
      } else {
        const movedUnits = digestTable(neu, table, "id in (select value from json_each(?))", moving);
        if (!sameDigest(unionDigest(digestTable(old, table), movedUnits), whole)) problems.push(`${table}: old + new ≠ original`);
        const kept = JSON.stringify(neu.prepare(`select id from "${table}" where id not in (select value from json_each(?))`).pluck().all(moving));
        const where = "id in (select value from json_each(?))";
        if (!sameDigest(digestTable(neu, table, where, kept), digestTable(old, table, where, kept))) problems.push(`${table}: ancestors differ`);
      }
    }
    return problems;
  } finally {
    for (const db of [src, old, neu]) db.close();
  }
}

/** Removes a file with its WAL companions (a failed split's copies: the original is never among them). */
export function removeCopy(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) rmSync(p);
}
