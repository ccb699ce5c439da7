import { describe, expect, it } from "vitest";
import { PBKDF2_ITERATIONS, hashPassword, verifyPassword } from "../../../src/core/auth/password-hash";

describe("dashboard password hashes", () => {
  it("are self-describing PBKDF2-SHA256 with 100,000 iterations and a random 16-byte salt", async () => {
    const a = await hashPassword("đúng mật khẩu dài");
    const b = await hashPassword("đúng mật khẩu dài");
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it("verify the right password only", async () => {
    const stored = await hashPassword("correct horse battery", 1000);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("reject malformed or foreign hashes instead of throwing", async () => {
    for (const bad of ["", "plain", "pbkdf2-sha256$0$AA==$AA==", "bcrypt$10$x$y", "pbkdf2-sha256$1000$AA==$***"]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });

  it("match a known vector (RFC 6070-style check of the PBKDF2 parameters)", async () => {
    // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes), a published test vector.
    const stored = "pbkdf2-sha256$1$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=";
    expect(await verifyPassword("password", stored)).toBe(true);
  });
});
