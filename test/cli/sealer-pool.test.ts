import { describe, expect, it } from "vitest";
import { createSealerPool } from "../../src/cli/sealer-pool";
import { plainValues, ROW_SEAL_LAYOUT } from "../../src/core/imports/card-payload";
import { createNodeProtector } from "../../src/entry/node-protector";

const keys = { dataKey: new Uint8Array(32).fill(3), indexKey: new Uint8Array(32).fill(4), keyId: "pool" };

describe("createSealerPool", () => {
  it("seals and indexes rows in worker threads exactly as the protector does, in order, across batches", async () => {
    const protector = createNodeProtector(keys);
    const pool = createSealerPool(keys, 2);
    try {
      const rows = Array.from({ length: 600 }, (_, i) => [`Nguyễn Mẫu Số${i}`, i % 3 === 0 ? null : "1980-01-02", `99000${String(i).padStart(5, "0")}`, null, i % 2 ? "84100000001" : null, "HN4010112345678"]);
      const sealed = await Promise.all(rows.map((row) => pool.sealRow(row)));
      expect(sealed).toHaveLength(rows.length);
      for (const [i, row] of rows.entries()) {
        const out = sealed[i]!;
        for (const [k, { from, index }] of ROW_SEAL_LAYOUT.entries()) {
          const plain = row[from] ?? null;
          if (plain === null) expect(out[k]).toBeNull();
          else if (index !== undefined) expect(out[k]).toBe(await protector.blindIndex(index, plain));
          else expect(await protector.open(out[k]!)).toBe(plain);
        }
      }
    } finally {
      await pool.close();
    }
  });

  it("lays out a card row's values as the layout reads them", () => {
    const row = { fullName: "A", dateOfBirth: "1980-01-02", bhxhNumber: "9900000001", idNumber: "099000000001", phone: "84100000001", cardCode: "GD4010112345678" };
    expect(plainValues(row as Parameters<typeof plainValues>[0])).toEqual(["A", "1980-01-02", "9900000001", "099000000001", "84100000001", "GD4010112345678"]);
  });
});
