/**
 * @module A checked copy of one SQLite shard file: a consistent snapshot (`VACUUM INTO`), then
 * per table the row count and an order-free checksum of every row on both sides. A copy that
 * differs in any table is deleted and refused, so a switch only ever points at a proven copy.
 */
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, rmSync } from "node:fs";

export interface TableDigest {
  table: string;
  rows: number;
  /** Sum of the first 64 bits of SHA-256 of each row's values, mod 2^64: independent of row order. */
  checksum: string;
}

const MASK = (1n << 64n) - 1n;

/** Count and checksum of every table in the file (SQLite's own tables excepted). */
export function tableDigests(path: string): TableDigest[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    return tables.map((table) => digestTable(db, table));
  } finally {
    db.close();
  }
}

/** Count and checksum of one table's rows, optionally only those matching `where` (SQL over its columns). */
export function digestTable(db: Database.Database, table: string, where?: string, ...params: unknown[]): TableDigest {
  let rows = 0;
  let sum = 0n;
  const query = `select * from "${table.replace(/"/g, '""')}"${where ? ` where ${where}` : ""}`;
  for (const row of db.prepare(query).raw().iterate(...params) as Iterable<unknown[]>) {
    rows++;
    sum = (sum + createHash("sha256").update(JSON.stringify(row)).digest().readBigUInt64BE(0)) & MASK;
  }
  return { table, rows, checksum: hex(sum) };
}

const hex = (sum: bigint) => sum.toString(16).padStart(16, "0");

/** The digest of two disjoint row sets together: counts add, and so do the order-free checksums. */
export function unionDigest(a: TableDigest, b: TableDigest): TableDigest {
  return { table: a.table, rows: a.rows + b.rows, checksum: hex((BigInt(`0x${a.checksum}`) + BigInt(`0x${b.checksum}`)) & MASK) };
}

export const sameDigest = (a: TableDigest, b: TableDigest) => a.rows === b.rows && a.checksum === b.checksum;

/** Tables whose count or checksum differ (a table on one side only counts as differing). */
export function digestMismatches(a: readonly TableDigest[], b: readonly TableDigest[]): string[] {
  const key = (d: TableDigest) => `${d.rows}:${d.checksum}`;
  const other = new Map(b.map((d) => [d.table, key(d)]));
  const names = new Set([...a.map((d) => d.table), ...b.map((d) => d.table)]);
  return [...names].filter((name) => {
    const mine = a.find((d) => d.table === name);
    return !mine || other.get(name) !== key(mine);
  });
}

/**
 * Copies `source` to `target` (which must not exist) and proves the copy: the source's digests
 * are taken after the snapshot with writers shut out (the CLI runs with the server stopped).
 */
export function checkedCopy(source: string, target: string): { digests: TableDigest[]; mismatches: string[] } {
  const db = new Database(source, { fileMustExist: true });
  try {
    // Everything in the WAL goes into the main file first, so the snapshot and the digests see the same rows.
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.prepare("vacuum into ?").run(target);
  } finally {
    db.close();
  }
  const digests = tableDigests(source);
  const mismatches = digestMismatches(digests, tableDigests(target));
  if (mismatches.length > 0) for (const p of [target, `${target}-wal`, `${target}-shm`]) if (existsSync(p)) rmSync(p);
  return { digests, mismatches };
}

/** One line per table for a plan: `cards 1200`. */
export const describeDigests = (digests: readonly TableDigest[]) => digests.map((d) => `${d.table} ${d.rows}`).join(", ");
