/**
 * @module import baseline: the same CSV rows straight into households/people/cards with batched
 * prepared statements: no validation, encryption, blind indexes, staging or upserts. It is
 * the floor of what SQLite itself costs for the rows the CLI writes.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import Database from "better-sqlite3";

const BATCH = 10_000;

export async function rawInsert(dbFile: string, csv: string): Promise<number> {
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  const villages = new Map((sqlite.prepare("select id, name from admin_units where level = 'village'").all() as { id: number; name: string }[]).map((v) => [v.name, v.id]));
  const household = sqlite.prepare("insert into households (unit_id, code, created_at, updated_at) values (?, ?, ?, ?) on conflict do nothing");
  const householdId = sqlite.prepare("select id from households where unit_id = ? and code = ?").pluck();
  const person = sqlite.prepare(
    `insert into people (unit_id, household_id, full_name_enc, gender, birth_year, date_of_birth_enc, date_of_birth_idx, bhxh_number_enc, bhxh_number_idx,
       id_number_enc, id_number_idx, phone_enc, phone_idx, source, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`,
  );
  const card = sqlite.prepare(
    `insert into cards (person_id, card_code_enc, card_code_idx, group_code, valid_from, valid_to, registered_facility, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const iso = (vn: string) => vn.split("/").reverse().join("-");
  const writeBatch = sqlite.transaction((rows: string[][]) => {
    const now = Date.now();
    for (const r of rows) {
      const unit = villages.get(r[9]!);
      if (unit === undefined) throw new Error(`unknown village ${r[9]}`);
      household.run(unit, r[10], now, now);
      const hh = householdId.get(unit, r[10]) as number;
      const dob = iso(r[1]!);
      const p = person.run(unit, hh, r[0], r[2] === "Nam" ? "male" : "female", Number(dob.slice(0, 4)), dob, dob, r[3], r[3], r[5], r[5], r[6] || null, r[6] || null, now, now);
      card.run(p.lastInsertRowid, r[4], r[4], r[11], iso(r[7]!), iso(r[8]!), r[12], now, now);
    }
  });
  let rows: string[][] = [];
  let total = 0;
  for await (const record of createReadStream(csv).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
    rows.push(record);
    if (rows.length === BATCH) {
      writeBatch(rows);
      total += rows.length;
      rows = [];
    }
  }
  writeBatch(rows);
  total += rows.length;
  sqlite.close();
  return total;
}
