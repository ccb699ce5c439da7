import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGcmSealer } from "../../src/cli/seal-gcm.mjs";

describe("createGcmSealer", () => {
  it("gives node:crypto's AES-256-GCM bytes for each value of a batch, whatever its length", () => {
    const key = randomBytes(32);
    const values = ["", "a", "1980-01-02", "x".repeat(16), "y".repeat(17), "Nguyễn Mẫu Số 12345, một cái tên dài hơn hai khối", "z".repeat(100)];
    const plains = values.map((v) => Buffer.from(v, "utf8"));
    const ivs = randomBytes(12 * plains.length);
    const sealed = createGcmSealer(key).sealAll(plains, ivs);
    expect(sealed).toHaveLength(plains.length);
    for (const [i, plain] of plains.entries()) {
      const iv = ivs.subarray(i * 12, i * 12 + 12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const expected = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      expect(sealed[i]!.toString("hex")).toBe(expected.toString("hex"));
    }
  });

  it("differs from node:crypto when the key differs (the comparison above can fail)", () => {
    const plain = Buffer.from("1980-01-02");
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", randomBytes(32), iv);
    const expected = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    expect(createGcmSealer(randomBytes(32)).sealAll([plain], iv)[0]!.equals(expected)).toBe(false);
  });
});
