import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCardCodeVocabulary } from "../../../src/core/cards/card-code-vocabulary";
import { normaliseCardCode, parseCardCode, type CardCodeVocabulary } from "../../../src/core/cards/parse-card-code";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";

let db: SqliteDb;
let vocabulary: CardCodeVocabulary;

beforeAll(async () => {
  db = createTestDb();
  vocabulary = await loadCardCodeVocabulary(db);
});
afterAll(() => db.close());

describe("loadCardCodeVocabulary", () => {
  it("knows every card group and every province code a card may carry, pre-merger ones included", () => {
    expect(vocabulary.groups.has("GD")).toBe(true);
    expect(vocabulary.groups.has("employer")).toBe(false);
    // 63 pre-merger codes (the 34 post-merger provinces reuse a subset) plus 97/98 (UNCONFIRMED rows).
    expect(vocabulary.provinces.size).toBe(65);
    for (const code of ["01", "02", "64", "52", "79", "93", "96"]) expect(vocabulary.provinces.has(code)).toBe(true);
    for (const code of ["00", "03", "99"]) expect(vocabulary.provinces.has(code)).toBe(false);
  });
});

describe("parseCardCode", () => {
  it("reads the 15-character legacy code box by box", () => {
    expect(parseCardCode("GD4797920123456", vocabulary)).toEqual({
      ok: true,
      format: "legacy15",
      group: "GD",
      benefitLevel: 4,
      provinceCode: "79",
      bhxhNumber: "7920123456",
    });
  });

  it("tolerates spaces, dashes and lower case", () => {
    const expected = parseCardCode("CN3010120152431", vocabulary);
    for (const typed of ["cn3010120152431", "CN 3 01 0120152431", "cn-3-01-0120152431", " Cn3 01–0120 152 431 ", "ＣＮ３０１０１２０１５２４３１"]) {
      expect(parseCardCode(typed, vocabulary)).toEqual(expected);
    }
    expect(expected).toMatchObject({ ok: true, group: "CN", benefitLevel: 3, provinceCode: "01" });
    expect(normaliseCardCode("gd 4-79")).toBe("GD479");
  });

  it("accepts pre-merger province codes, which cards keep after 1/7/2025", () => {
    expect(parseCardCode("GB4640123456789", vocabulary)).toMatchObject({ ok: true, provinceCode: "64" });
  });

  it("reads the 10-digit BHXH number and the 12-digit personal ID, which carry no group or level", () => {
    expect(parseCardCode("79 2012 3456", vocabulary)).toEqual({ ok: true, format: "bhxh10", bhxhNumber: "7920123456" });
    expect(parseCardCode("079-201-234-567", vocabulary)).toEqual({ ok: true, format: "id12", personalId: "079201234567" });
  });

  it("refuses each wrong box with its own code and message", () => {
    const cases: [string, string, string, Record<string, string | number>][] = [
      ["GD47979201234", "card_wrong_length", "card-wrong-length", { code: "GD47979201234", length: 13 }],
      ["", "card_wrong_length", "card-wrong-length", { code: "", length: 0 }],
      ["GD47979201234567", "card_wrong_length", "card-wrong-length", { code: "GD47979201234567", length: 16 }],
      ["XX4797920123456", "card_unknown_group", "card-unknown-group", { group: "XX" }],
      ["124797920123456", "card_unknown_group", "card-unknown-group", { group: "12" }],
      ["GD0797920123456", "card_bad_benefit_level", "card-bad-benefit-level", { digit: "0" }],
      ["GD6797920123456", "card_bad_benefit_level", "card-bad-benefit-level", { digit: "6" }],
      ["GDA797920123456", "card_bad_benefit_level", "card-bad-benefit-level", { digit: "A" }],
      ["GD47979201O3456", "card_letters_in_number", "card-letters-in-number", { number: "7979201O3456", char: "O" }],
      ["GD4A79920123456", "card_letters_in_number", "card-letters-in-number", { number: "A79920123456", char: "A" }],
      ["79201B3456", "card_letters_in_number", "card-letters-in-number", { number: "79201B3456", char: "B" }],
      ["0792012345I7", "card_letters_in_number", "card-letters-in-number", { number: "0792012345I7", char: "I" }],
      ["GD4007920123456", "card_unknown_province", "card-unknown-province", { province: "00" }],
      ["GD4997920123456", "card_unknown_province", "card-unknown-province", { province: "99" }],
    ];
    for (const [input, code, messageKey, args] of cases) {
      expect({ input, result: parseCardCode(input, vocabulary) }).toEqual({ input, result: { ok: false, code, messageKey, args } });
    }
  });

  it("takes groups and provinces from its input, not from code", () => {
    const tiny = { groups: new Set(["ZZ"]), provinces: new Set(["42"]) };
    expect(parseCardCode("ZZ1420000000001", tiny)).toMatchObject({ ok: true, group: "ZZ" });
    expect(parseCardCode("GD4420000000001", tiny)).toMatchObject({ ok: false, code: "card_unknown_group" });
    expect(parseCardCode("ZZ1790000000001", tiny)).toMatchObject({ ok: false, code: "card_unknown_province" });
  });
});
