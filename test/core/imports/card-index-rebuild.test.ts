import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REBUILT_INDEX_NAMES, indexesToRebuild } from "../../../src/core/imports/card-index-rebuild";
import { cardsImportSpec, importCards } from "../../../src/core/imports/cards-import";
import { runImport } from "../../../src/core/imports/run-import";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { asFile, createCardImportDb, person } from "../../helpers/card-rows";
import { tableOf } from "../../helpers/test-db";

let db: SqliteDb;
let protector: Protector;
let communeId: number;
beforeEach(async () => {
  ({ db, protector, communeId } = await createCardImportDb());
});
afterEach(() => db.close());

const people = (from: number, n: number) => Array.from({ length: n }, (_, i) => person(from + i));
const rebuiltIndexes = () =>
  db.sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and name in (${REBUILT_INDEX_NAMES.map(() => "?").join(", ")}) order by name`).all(...REBUILT_INDEX_NAMES);
const plan = (query: string, value: string) => (db.sqlite.prepare(`explain query plan ${query}`).all(value) as { detail: string }[]).map((r) => r.detail).join(" ");

describe("the indexes a bulk card apply rebuilds", () => {
  it("come back as the migrations made them, used and unique, after a first import and a full re-import", async () => {
    const before = rebuiltIndexes();
    expect(before).toHaveLength(5);
    for (const rows of [people(1, 8), people(1, 8)]) {
      const outcome = await importCards({ db, protector }, tableOf(asFile(rows)), { communeId, today: "2025-11-15" });
      expect(outcome.ok).toBe(true);
      expect(rebuiltIndexes()).toEqual(before);
    }
    const bhxh = await protector.blindIndex("bhxh", "9900000003");
    expect(plan("select id from people where bhxh_number_idx = ?", bhxh)).toContain("people_bhxh_idx_uq");
    expect(plan("select id from cards where card_code_idx = ?", bhxh)).toContain("cards_code_idx");
    expect(() => db.sqlite.prepare("update people set bhxh_number_idx = ? where id <> (select id from people where bhxh_number_idx = ?) and id = (select min(id) from people)").run(bhxh, bhxh)).toThrow(/UNIQUE/);
  });

  it("are rebuilt only when the batch touches at least half as many people as the roster holds", async () => {
    expect((await importCards({ db, protector }, tableOf(asFile(people(1, 10))), { communeId, today: "2025-11-15" })).ok).toBe(true);
    const staged = async (rows: Record<string, string>[]) => {
      const held = await runImport(db, cardsImportSpec({ db, protector }, { communeId, today: "2025-11-15" }), tableOf(asFile(rows)), { hold: true });
      expect(held.ok).toBe(true);
      return (await indexesToRebuild(db, held.batchId!)).map((i) => i.name);
    };
    expect(await staged(people(11, 4))).toEqual([]);
    expect(await staged(people(20, 5))).toEqual([...REBUILT_INDEX_NAMES].sort());
  });
});
