import { describe, expect, it } from "vitest";
import { parseJsonKeepingIds } from "../../../src/channels/zalo/json";
import { zaloFailure, secondsUntilLocalHour } from "../../../src/channels/zalo/errors";
import { verifyZaloOaSignature, zaloOaSignature } from "../../../src/channels/zalo/signature";
import { renderChoices, splitText } from "../../../src/channels/zalo/render-text";
import { zaloOaEventSchema } from "../../../src/channels/zalo/schemas";
import { zaloBotFailure } from "../../../src/channels/zalo-bot/bot-sender";
import { signZalo } from "../../helpers/fake-zalo";

describe("Zalo ids", () => {
  it("keeps ids past 2^53 exact, whether quoted or bare", () => {
    const raw = '{"event_name":"user_send_text","app_id":123,"sender":{"id":8612345678901234567},"recipient":{"id":"2512345678901234999"},"message":{"msg_id":"m1","text":"a 12345678901234567 \\" b"},"timestamp":"1763175600000"}';
    expect(JSON.parse(raw).sender.id).not.toBe(8612345678901234567n.toString());
    const event = zaloOaEventSchema.parse(parseJsonKeepingIds(raw));
    expect(event).toMatchObject({ app_id: "123", sender: { id: "8612345678901234567" }, recipient: { id: "2512345678901234999" } });
    // Digits inside strings are left alone.
    expect(event.event_name === "user_send_text" && event.message.text).toBe('a 12345678901234567 " b');
    expect(parseJsonKeepingIds('{"a":1.5e3,"b":-12,"c":[true,null]}')).toEqual({ a: 1500, b: -12, c: [true, null] });
  });
});

describe("Zalo error codes → outbox decisions", () => {
  const at = new Date("2025-11-15T16:00:00Z"); // 23:00 in Hà Nội
  it.each([
    [-216, true, "auth"],
    [-220, true, "auth"],
    [-32, true, "rate_limited"],
    [-230, false, "window_closed"],
    [-232, false, "window_closed"],
    [-234, true, "night_ban"],
    [-213, false, "not_following"],
    [-144, true, "quota_exceeded"],
    [-201, false, "zalo_-201"],
  ])("%i → retryable %s, %s", (code, retryable, name) => {
    expect(zaloFailure(code, at)).toMatchObject({ ok: false, retryable, code: name });
  });

  it("waits for the morning after a night ban and for the next day after the daily quota", () => {
    expect(zaloFailure(-234, at).retryAfterSeconds).toBe(7 * 3600); // 23:00 → 06:00
    expect(zaloFailure(-144, at).retryAfterSeconds).toBe(9 * 3600); // 23:00 → 08:00
    expect(secondsUntilLocalHour(new Date("2025-11-15T00:30:00Z"), 8)).toBe(30 * 60);
    expect(zaloFailure(-213, at).blocked).toBe(true);
    expect(zaloFailure(-32, at).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("maps the Bot API like Telegram", () => {
    expect(zaloBotFailure(429)).toMatchObject({ retryable: true, code: "rate_limited" });
    expect(zaloBotFailure(403)).toMatchObject({ retryable: false, blocked: true });
    expect(zaloBotFailure(400)).toMatchObject({ retryable: false });
    expect(zaloBotFailure(502)).toMatchObject({ retryable: true });
  });
});

describe("X-ZEvent-Signature", () => {
  const body = '{"app_id":"123","event_name":"follow","timestamp":"1763175600000"}';
  it("matches Zalo's formula and refuses anything else", async () => {
    const good = signZalo("123", body, "1763175600000", "oa-secret-key");
    expect(await zaloOaSignature("123", body, "1763175600000", "oa-secret-key")).toBe(good);
    expect(await verifyZaloOaSignature(good, body, "123", "oa-secret-key")).toBe(true);
    expect(await verifyZaloOaSignature(good, body.replace("follow", "unfollow"), "123", "oa-secret-key")).toBe(false);
    expect(await verifyZaloOaSignature(good, body, "123", "another-secret")).toBe(false);
    expect(await verifyZaloOaSignature(good, body, "999", "oa-secret-key")).toBe(false);
    expect(await verifyZaloOaSignature(undefined, body, "123", "oa-secret-key")).toBe(false);
    expect(await verifyZaloOaSignature(good, '{"app_id":"123"}', "123", "oa-secret-key")).toBe(false);
  });
});

describe("Zalo text rendering", () => {
  it("numbers the choices and splits long text at line breaks", () => {
    expect(renderChoices("Chọn:", [[{ label: "Cộng" }, { label: "Thay" }]])).toBe("Chọn:\n1. Cộng\n2. Thay");
    const long = Array.from({ length: 300 }, (_, i) => `Dòng số ${i}`).join("\n");
    const parts = splitText(long, 2000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join("\n")).toBe(long);
    expect(splitText("x".repeat(4500), 2000).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});
