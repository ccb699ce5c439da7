/**
 * @module A roster for the reminder planner alone, generated inside SQLite in seconds per
 * million cards instead of minutes through `bhyt import cards`: what makes `--scale 10`
 * (ten million cards) possible. Same shape as an imported roster (four people to a household,
 * households round the Ngọc Phụng villages, group GD, card ends spread uniformly over 2026,
 * every column filled with a value of the imported length). Sealed values and blind indexes are
 * stand-ins of the same length (hex from the row number): the planner never opens or matches
 * them, it copies the phone's two into the outbox row. The four blind-index look-up indexes
 * (card code, BHXH number, personal ID, phone) are left out: the planner never reads them and
 * they are most of the build time. Never used by card-lookup, which needs real sealed values.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { prepareUnitsDb } from "./roster-db";

/** Rows per statement (one transaction each). */
const BATCH = 250_000;
/** The look-up indexes the planner never reads (see the module comment). */
const SKIPPED_INDEXES = new Set(["people_bhxh_idx_uq", "people_id_idx_uq", "people_phone_idx", "cards_code_idx"]);

/** Folder of the generated roster for (rows, seed), apart from imported rosters so nothing else mistakes it for one. */
export const plannerRosterDir = (workDir: string, rows: number, seed: number) => join(workDir, `planner-roster-${rows}-${seed}`);

/** 8·n hex digits, a deterministic function of (expression, salt): a stand-in for a sealed value or an HMAC. */
function hex(expression: string, salt: number, groups: number): string {
  const parts = Array.from({ length: groups }, (_, g) => `((${expression}) * ${2_654_435_761 + 2 * (salt * 8 + g)} + ${salt * 977 + g * 131}) % 4294967296`);
  return `printf('${"%08x".repeat(groups)}', ${parts.join(", ")})`;
}
/** A sealed-value stand-in of the imported length (`v1.k1.` and base64 in the real thing). */
const sealed = (expression: string, salt: number, length: number) => `substr('v1.k1.' || ${hex(expression, salt, Math.ceil(length / 8))}, 1, ${length})`;

/** The generated roster database for (rows, seed), building it first when missing. */
export function ensurePlannerRoster(workDir: string, rows: number, seed: number, log: (line: string) => void): string {
  const dir = plannerRosterDir(workDir, rows, seed);
  const file = join(dir, "bench.sqlite");
  if (existsSync(file)) return file;
  log(`generating a ${rows}-card planner roster inside SQLite (cached in ${dir})…`);
  const started = performance.now();
  const build = `${dir}.building`;
  prepareUnitsDb(build);
  const db = openSqliteDb(join(build, "bench.sqlite"));
  const s = db.sqlite;
  // A bench fixture built in a folder renamed only when complete: no journal needed meanwhile.
  s.pragma("journal_mode = OFF");
  s.pragma("synchronous = OFF");
  s.pragma("cache_size = -262144");
  const indexes = s.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name in ('people', 'cards') and sql is not null").all() as { name: string; sql: string }[];
  for (const index of indexes) s.exec(`drop index ${index.name}`);
  const villages = (s.prepare("select id from admin_units where level = 'village' order by id").all() as { id: number }[]).map((v) => v.id);
  const at = Date.UTC(2026, 0, 1);
  const villageOf = (household: string) => `json_extract('${JSON.stringify(villages)}', '$[' || ((${household}) % ${villages.length}) || ']')`;
  // Row numbers [from, to) as a recursive CTE, the only row source SQLite has built in; integers
  // (better-sqlite3 binds numbers as reals, and i / 4 must divide whole).
  const series = "with recursive n(i) as (select cast(? as integer) union all select i + 1 from n where i + 1 < ?)";
  const insertHouseholds = s.prepare(`${series} insert into households (id, unit_id, code, created_at, updated_at)
    select i + 1, ${villageOf("i")}, 'NP' || i, ${at}, ${at} from n`);
  const insertPeople = s.prepare(`${series} insert into people (id, unit_id, household_id, full_name_enc, gender, birth_year, date_of_birth_enc, date_of_birth_idx,
      bhxh_number_enc, bhxh_number_idx, id_number_enc, id_number_idx, phone_enc, phone_idx, source, created_at, updated_at)
    select i + 1, ${villageOf("i / 4")}, i / 4 + 1, ${sealed("i", 1, 66)}, case i % 2 when 0 then 'male' else 'female' end, 1940 + i % 80,
      ${sealed("i", 2, 58)}, ${hex("i", 3, 4)}, ${sealed("i", 4, 58)}, ${hex("i", 5, 4)}, ${sealed("i", 6, 58)}, ${hex("i", 7, 4)},
      ${sealed("i", 8, 58)}, ${hex("i", 9, 4)}, 'import', ${at}, ${at} from n`);
  // Card ends uniformly over 2026 (365 days from 1 January), as the CSV roster's are.
  const insertCards = s.prepare(`${series} insert into cards (id, person_id, card_code_enc, card_code_idx, group_code, benefit_level, province_code,
      valid_from, valid_to, registered_facility, five_year_date, import_batch_id, created_at, updated_at)
    select i + 1, i + 1, ${sealed("i", 10, 66)}, ${hex("i", 11, 4)}, 'GD', 4, '38', '2025-01-01',
      date('2026-01-01', '+' || (((i * 2654435761 + ${seed % 1_000_003}) % 4294967296) % 365) || ' days'),
      'Trạm Y tế xã Ngọc Phụng', null, 1, ${at}, ${at} from n`);
  const households = Math.ceil(rows / 4);
  for (let lo = 0; lo < households; lo += BATCH) s.transaction(() => insertHouseholds.run(lo, Math.min(households, lo + BATCH)))();
  for (let lo = 0; lo < rows; lo += BATCH) {
    s.transaction(() => {
      insertPeople.run(lo, Math.min(rows, lo + BATCH));
      insertCards.run(lo, Math.min(rows, lo + BATCH));
    })();
    if (lo % 2_000_000 === 0 && lo > 0) log(`  ${lo} cards…`);
  }
  // Built after the rows (a sort each, far faster than keeping them up to date row by row).
  for (const index of indexes) if (!SKIPPED_INDEXES.has(index.name)) s.exec(index.sql);
  s.pragma("journal_mode = WAL");
  db.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(build, dir);
  log(`  generated in ${Math.round((performance.now() - started) / 1000)} s`);
  return file;
}
