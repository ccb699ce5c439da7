import { describe, expect, it } from "vitest";
import { bytesMatch, secretsMatch } from "../../../src/core/auth/secret-compare";

describe("secret comparison", () => {
  it("matches only the exact secret: not a prefix, an extension, a repetition, a case change or the empty string", () => {
    const secret = "test-secret-123456";
    expect(secretsMatch(secret, secret)).toBe(true);
    for (const guess of ["test-secret-12345", "test-secret-1234567", secret + secret, "TEST-SECRET-123456", "test-secret-123457", ""]) {
      expect(secretsMatch(guess, secret), guess).toBe(false);
    }
    expect(secretsMatch("tệp-bí-mật", "tệp-bí-mật")).toBe(true);
    expect(secretsMatch("tệp-bi-mật", "tệp-bí-mật")).toBe(false);
    // No secret configured is never matched, not even by an empty header.
    expect(secretsMatch("", "")).toBe(false);
  });

  it("compares bytes over their whole length", () => {
    expect(bytesMatch(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesMatch(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(bytesMatch(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
