import { describe, expect, it } from "vitest";
import { createProtector } from "../../src/core/privacy/protector";
import { createNodeProtector } from "../../src/entry/node-protector";

const keys = { dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "k1" };
const samples = ["", "Lò Thị Mẫu Hoa", "9900000001", "2000-02-29", "Nguyễn Văn Mẫu ".repeat(40), "😀 ǅ \u0000 end"];

describe("node:crypto protector", () => {
  it("opens what WebCrypto sealed, and WebCrypto opens what it sealed", async () => {
    const web = await createProtector(keys);
    const node = createNodeProtector(keys);
    for (const plain of samples) {
      expect(await node.open(await web.seal(plain))).toBe(plain);
      expect(await web.open(await node.seal(plain))).toBe(plain);
    }
  });

  it("computes the same blind indexes as WebCrypto", async () => {
    const web = await createProtector(keys);
    const node = createNodeProtector(keys);
    for (const plain of samples) {
      for (const ns of ["bhxh", "card", "dob", "phone"]) expect(await node.blindIndex(ns, plain)).toBe(await web.blindIndex(ns, plain));
    }
    expect(await node.blindIndex("bhxh", "9900000001")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("seals in the v1 format with a fresh IV every time", async () => {
    const node = createNodeProtector(keys);
    const a = await node.seal("Lò Thị Mẫu Hoa");
    const b = await node.seal("Lò Thị Mẫu Hoa");
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("Hoa");
  });

  it("rejects tampered ciphertext, foreign keys and unknown formats", async () => {
    const node = createNodeProtector(keys);
    const sealed = await node.seal("9900000001");
    const body = sealed.split(".")[2]!;
    const flipped = `v1.k1.${body.slice(0, -4)}${body.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(node.open(flipped)).rejects.toThrow();
    await expect(createNodeProtector({ ...keys, dataKey: new Uint8Array(32).fill(3) }).open(sealed)).rejects.toThrow();
    await expect(createNodeProtector({ ...keys, keyId: "k2" }).open(sealed)).rejects.toThrow();
    await expect(node.open("v1.k1.AAAA")).rejects.toThrow();
    await expect(node.open("v2.k1." + body)).rejects.toThrow();
    // A WebCrypto protector with other keys cannot open it either.
    await expect((await createProtector({ ...keys, dataKey: new Uint8Array(32).fill(3) })).open(sealed)).rejects.toThrow();
  });

  it("refuses short keys and bad key ids", () => {
    expect(() => createNodeProtector({ ...keys, dataKey: new Uint8Array(16) })).toThrow();
    expect(() => createNodeProtector({ ...keys, keyId: "a.b" })).toThrow();
  });

  it("is not affected when the caller later overwrites its key buffers", async () => {
    const dataKey = new Uint8Array(32).fill(1);
    const node = createNodeProtector({ ...keys, dataKey });
    const sealed = await node.seal("x");
    dataKey.fill(0);
    expect(await node.open(sealed)).toBe("x");
  });
});

describe("node:crypto protector IVs", () => {
  it("never repeats an IV across many seals (more than one random draw)", async () => {
    const node = createNodeProtector(keys);
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i++) ivs.add(Buffer.from((await node.seal("x")).split(".")[2]!, "base64").subarray(0, 12).toString("hex"));
    expect(ivs.size).toBe(2000);
  });
});
