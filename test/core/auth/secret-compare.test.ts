import { afterEach, describe, expect, it, vi } from "vitest";
import { bytesMatch, secretMatcher, secretsMatch } from "../../../src/core/auth/secret-compare";

afterEach(() => vi.restoreAllMocks());

describe("secret comparison", () => {
  it("matches only the exact secret: not a prefix, an extension, a case change or the empty string", async () => {
    const matches = secretMatcher("test-secret-123456");
    expect(await matches("test-secret-123456")).toBe(true);
    for (const guess of ["test-secret-12345", "test-secret-1234567", "TEST-SECRET-123456", ""]) {
      expect(await matches(guess), guess).toBe(false);
      expect(await secretsMatch(guess, "test-secret-123456"), guess).toBe(false);
    }
    expect(await secretsMatch("tệp-bí-mật", "tệp-bí-mật")).toBe(true);
  });

  it("hashes the fixed secret once, then one digest per request", async () => {
    const digest = vi.spyOn(crypto.subtle, "digest");
    const matches = secretMatcher("test-secret-123456");
    for (let i = 0; i < 5; i++) await matches(`guess-${i}`);
    expect(digest).toHaveBeenCalledTimes(6);
  });

  it("compares bytes over their whole length", () => {
    expect(bytesMatch(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesMatch(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(bytesMatch(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
