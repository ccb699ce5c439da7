import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importCards } from "../../../src/core/imports/cards-import";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { openSqliteDb } from "../../../src/entry/sqlite-db";
import { asFile, person } from "../../helpers/card-rows";
import { seedCardUnits } from "../../helpers/card-rows";
import { createTestProtector, tableOf } from "../../helpers/test-db";

const dir = mkdtempSync(join(tmpdir(), "bhyt-cards-privacy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("personal data in the SQLite file", () => {
  it("never appears in plain text: not after an import, a re-import, nor a refused import", async () => {
    const path = join(dir, "roster.sqlite");
    const db = openSqliteDb(path);
    const protector = await createTestProtector();
    await seedCardUnits(db);
    const communeId = (await resolveUnit(db, "Ngọc Phụng")).id;
    const run = (rows: Record<string, string>[]) => importCards({ db, protector }, tableOf(asFile(rows)), { communeId, today: "2025-11-15" });
    const people = [1, 2, 3, 4, 5].map((n) => person(n));
    expect((await run(people)).ok).toBe(true);
    expect((await run(people.map((p) => ({ ...p, valid_to: "31/12/2026" })))).cards.renewed).toBe(5);
    // Refused after staging (duplicate personal ID): its sealed rows were staged, then dropped.
    expect((await run([person(6), person(7, { id_number: person(6).id_number! })])).ok).toBe(false);
    db.close();

    const bytes = [path, `${path}-wal`, `${path}-journal`].filter(existsSync).map((f) => readFileSync(f));
    expect(bytes[0]!.length).toBeGreaterThan(0);
    const secrets = [...people, person(6), person(7)].flatMap((p) => [
      p.full_name!,
      p.bhxh_number!,
      p.id_number!,
      p.phone!,
      p.card_code!.replace(/\s/g, ""),
      p.card_code!,
      p.date_of_birth!,
      p.date_of_birth!.split("/").reverse().join("-"),
    ]);
    for (const secret of secrets) {
      for (const file of bytes) expect(file.includes(Buffer.from(secret, "utf8")), secret).toBe(false);
    }
    // The search itself works: plain values that are not personal are there.
    expect(bytes.some((b) => b.includes(Buffer.from("Trạm Y tế xã Ngọc Phụng", "utf8")))).toBe(true);
  });
});
