import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { lookupGroupBenefit } from "../../../src/core/cards/group-benefit";
import type { VerifiedCard } from "../../../src/core/residents/find-card";
import { addDays } from "../../../src/core/time/day-math";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { communeStatuses, communeStatusSupports } from "../../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../../src/entry/sqlite-db";
import { CARD_HEADERS, person } from "../../helpers/card-rows";
import { createCliRunner } from "../../helpers/run-cli";

/** A card the CLI imported, as the bot's look-up sees it once verified, with what to type for `bhyt card status`. */
export interface ImportedCard {
  group: string;
  bhxh: string;
  dob: string;
  verified: VerifiedCard;
}

/**
 * A database built by the CLI as an operator would: `bhyt db seed-demo` (Ngọc Phụng, a poor
 * commune in the demo), then `bhyt import cards` with one card of each group printed with the
 * level it had before `printedOn`, in Thôn Xuân Thành, valid 2015–2030, one per household.
 */
export async function createCliWorld(groups: string[], printedOn: string, reference: SqliteDb) {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-law-cli-"));
  const path = join(dir, "law.sqlite");
  const cli = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error" });
  expect((await cli("db", "seed-demo", "--json")).code).toBe(0);
  const rows: Record<string, string>[] = [];
  const planned: Omit<ImportedCard, "verified">[] = [];
  for (const group of groups) {
    const printed = await lookupGroupBenefit(reference, group, printedOn);
    if (!printed.ok) continue; // a group that did not exist yet has no card printed then
    const row = person(rows.length + 1, { card_code: `${group}${printed.level}38 ${person(rows.length + 1).bhxh_number}`, valid_from: "01/01/2015", valid_to: "31/12/2030", village: "Xuân Thành", household_id: `HGD-${group}` });
    rows.push(row);
    planned.push({ group, bhxh: row.bhxh_number!, dob: row.date_of_birth!.split("/").reverse().join("-") });
  }
  const file = join(dir, "cards.csv");
  writeFileSync(file, [CARD_HEADERS.join(","), ...rows.map((r) => CARD_HEADERS.map((h) => r[h] ?? "").join(","))].join("\n") + "\n");
  const imported = await cli("import", "cards", file, "--commune", "Ngọc Phụng", "--json");
  expect(imported.code, imported.stderr).toBe(0);
  const db = openSqliteDb(path);
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const cards: ImportedCard[] = planned.map((p, i) => ({
    ...p,
    verified: {
      cardId: i + 1, personId: i + 1, householdId: null, fullName: rows[i]!.full_name!, groupCode: p.group, benefitLevel: Number(rows[i]!.card_code![2]),
      provinceCode: "38", validFrom: "2015-01-01", validTo: "2030-12-31", registeredFacility: rows[i]!.registered_facility!, fiveYearDate: null,
      village: { id: 0, name: "Xuân Thành", kind: "thôn" }, commune: { id: commune.id, name: commune.name, kind: commune.kind },
    },
  }));
  // Commune statuses and their supports change on their own dates: both ends count as changes.
  const statusDays = [
    ...(await db.orm.select().from(communeStatuses)).flatMap((s) => [s.validFrom, ...(s.validTo ? [addDays(s.validTo, 1)] : [])]),
    ...(await db.orm.select().from(communeStatusSupports)).map((s) => s.validFrom),
  ];
  return { cli, db, commune, cards, statusDays };
}
