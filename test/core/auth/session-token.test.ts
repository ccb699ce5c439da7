import { describe, expect, it } from "vitest";
import { createSessionSigner } from "../../../src/core/auth/session-token";

const key = new Uint8Array(32).fill(3);
const now = new Date("2025-11-15T03:00:00Z");

describe("session tokens", () => {
  it("round-trip account id and expiry", async () => {
    const signer = await createSessionSigner(key);
    const token = await signer.sign({ accountId: 42, exp: now.getTime() + 1000 });
    expect(token).toMatch(/^v1\.42\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(await signer.verify(token, now)).toEqual({ accountId: 42, exp: now.getTime() + 1000 });
  });

  it("refuse expired, tampered and foreign tokens", async () => {
    const signer = await createSessionSigner(key);
    const token = await signer.sign({ accountId: 42, exp: now.getTime() + 1000 });
    expect(await signer.verify(token, new Date(now.getTime() + 1000))).toBeUndefined();
    expect(await signer.verify(token.replace("v1.42.", "v1.1."), now)).toBeUndefined();
    const other = await createSessionSigner(new Uint8Array(32).fill(4));
    expect(await other.verify(token, now)).toBeUndefined();
    expect(await signer.verify("garbage", now)).toBeUndefined();
  });

  it("need a key of at least 32 bytes", async () => {
    await expect(createSessionSigner(new Uint8Array(16))).rejects.toThrow(/32 bytes/);
  });
});
