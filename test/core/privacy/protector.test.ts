import { describe, expect, it } from "vitest";
import { createProtector } from "../../../src/core/privacy/protector";

const keys = { dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "k1" };

describe("protector", () => {
  it("round-trips Vietnamese text and never repeats a ciphertext", async () => {
    const p = await createProtector(keys);
    const a = await p.seal("Lò Thị Mẫu Hoa");
    const b = await p.seal("Lò Thị Mẫu Hoa");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Hoa");
    expect(await p.open(a)).toBe("Lò Thị Mẫu Hoa");
  });

  it("detects tampering and foreign keys", async () => {
    const p = await createProtector(keys);
    const sealed = await p.seal("9900000001");
    const body = sealed.split(".")[2]!;
    const flipped = `v1.k1.${body.slice(0, -4)}${body.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(p.open(flipped)).rejects.toThrow();
    const other = await createProtector({ ...keys, dataKey: new Uint8Array(32).fill(3) });
    await expect(other.open(sealed)).rejects.toThrow();
  });

  it("gives a stable blind index per namespace and key", async () => {
    const p = await createProtector(keys);
    expect(await p.blindIndex("bhxh", "9900000001")).toBe(await p.blindIndex("bhxh", "9900000001"));
    expect(await p.blindIndex("bhxh", "9900000001")).not.toBe(await p.blindIndex("phone", "9900000001"));
    const other = await createProtector({ ...keys, indexKey: new Uint8Array(32).fill(4) });
    expect(await other.blindIndex("bhxh", "9900000001")).not.toBe(await p.blindIndex("bhxh", "9900000001"));
    expect(await p.blindIndex("bhxh", "9900000001")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses short keys", async () => {
    await expect(createProtector({ ...keys, dataKey: new Uint8Array(16) })).rejects.toThrow();
  });
});
