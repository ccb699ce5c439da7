import { describe, expect, it } from "vitest";
import { fromStagedCard, toStagedCard } from "../../../src/core/imports/card-sql";
import { sealCardRow, type CardPayload } from "../../../src/core/imports/card-payload";
import { parseCardRow } from "../../../src/core/imports/card-row";
import { createProtector } from "../../../src/core/privacy/protector";
import { rotateKeys } from "../../../src/core/privacy/rotate-keys";
import { cardStagingRows, importBatches, importStagingRows } from "../../../src/db/schema";
import { cardStagingSteps } from "../../../src/core/imports/card-staging";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

describe("key rotation of a card import still in staging", () => {
  it("re-seals and re-indexes the staged card row (staged as an array) and keeps it an array", async () => {
    const db = createTestDb();
    const from = await createTestProtector();
    const to = await createProtector({ dataKey: new Uint8Array(32).fill(11), indexKey: new Uint8Array(32).fill(13), keyId: "k2" });
    const parsed = parseCardRow(
      { full_name: "Lò Thị Mẫu", bhxh_number: "9900000301", card_code: "GD4389900000301", date_of_birth: "02/03/1990", valid_to: "31/12/2025", village: "Bản Mẫu" },
      2,
      "2025-11-15",
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const staged = await sealCardRow(from, parsed.row, 1);
    const [batch] = await db.orm.insert(importBatches).values({ kind: "cards" }).returning({ id: importBatches.id });
    await db.orm.insert(importStagingRows).values({ batchId: batch!.id, rowNumber: 2, key: staged.bhxhIdx!, payload: JSON.stringify(toStagedCard(staged)) });

    const report = await rotateKeys(db, { from, fromKeyId: "test", to, toKeyId: "k2", reindex: true });

    expect(report.resealed.import_staging_rows).toBe(1);
    const [row] = await db.orm.select().from(importStagingRows);
    const values = JSON.parse(row!.payload) as unknown[];
    expect(Array.isArray(values)).toBe(true);
    const after = fromStagedCard(values) as unknown as CardPayload;
    expect(after.nameEnc.startsWith("v1.k2.")).toBe(true);
    expect(await to.open(after.nameEnc)).toBe("Lò Thị Mẫu");
    expect(await to.open(after.bhxhEnc!)).toBe("9900000301");
    expect(after.bhxhIdx).toBe(await to.blindIndex("bhxh", "9900000301"));
    expect(after.dobIdx).toBe(await to.blindIndex("dob", "1990-03-02"));
    // Fields that are not personal stay as they were.
    expect({ ...after, nameEnc: "", bhxhEnc: "", bhxhIdx: "", dobEnc: "", dobIdx: "", cardEnc: "", cardIdx: "" }).toEqual({
      ...staged, nameEnc: "", bhxhEnc: "", bhxhIdx: "", dobEnc: "", dobIdx: "", cardEnc: "", cardIdx: "",
    });
    db.close();
  });
});

describe("key rotation of a card import staged in card_staging_rows", () => {
  it("re-seals and re-indexes the typed staged row, leaving the rest of it as it was", async () => {
    const db = createTestDb();
    const from = await createTestProtector();
    const to = await createProtector({ dataKey: new Uint8Array(32).fill(11), indexKey: new Uint8Array(32).fill(13), keyId: "k2" });
    const parsed = parseCardRow(
      { full_name: "Lò Thị Mẫu", bhxh_number: "9900000301", card_code: "GD4389900000301", date_of_birth: "02/03/1990", valid_to: "31/12/2025", village: "Bản Mẫu" },
      2,
      "2025-11-15",
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const staged = await sealCardRow(from, parsed.row, 1);
    const [batch] = await db.orm.insert(importBatches).values({ kind: "cards" }).returning({ id: importBatches.id });
    await db.atomic(cardStagingSteps(batch!.id, [{ rowNumber: 2, payload: staged }]));

    const report = await rotateKeys(db, { from, fromKeyId: "test", to, toKeyId: "k2", reindex: true });

    expect(report.resealed.card_staging_rows).toBe(1);
    const [row] = await db.orm.select().from(cardStagingRows);
    const { batchId, rowNumber, personId, ...after } = row!;
    expect([batchId, rowNumber, personId]).toEqual([batch!.id, 2, null]);
    expect(after.nameEnc.startsWith("v1.k2.")).toBe(true);
    expect(await to.open(after.nameEnc)).toBe("Lò Thị Mẫu");
    expect(await to.open(after.bhxhEnc!)).toBe("9900000301");
    expect(after.bhxhIdx).toBe(await to.blindIndex("bhxh", "9900000301"));
    expect(after.cardIdx).toBe(await to.blindIndex("card", "GD4389900000301"));
    expect({ ...after, nameEnc: "", bhxhEnc: "", bhxhIdx: "", dobEnc: "", dobIdx: "", cardEnc: "", cardIdx: "" }).toEqual({
      ...staged, nameEnc: "", bhxhEnc: "", bhxhIdx: "", dobEnc: "", dobIdx: "", cardEnc: "", cardIdx: "",
    });
    db.close();
  });
});
