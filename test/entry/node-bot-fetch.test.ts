import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeBotFetch } from "../../src/entry/node-bot-fetch";
import { startFakeTelegram } from "../helpers/fake-telegram";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function apiAgainstFake(refuse?: (method: string) => { error_code: number; description: string } | undefined) {
  const fake = await startFakeTelegram({ refuse });
  closers.push(fake.close);
  return { fake, api: new Api("123:test", { apiRoot: fake.apiRoot, fetch: createNodeBotFetch() as never }) };
}

describe("the Node Bot API fetch under grammY", () => {
  it("sends JSON calls and hands grammY the result", async () => {
    const { fake, api } = await apiAgainstFake();
    const sent = await api.sendMessage(42, "Xin chào — đã ghi", { reply_markup: { inline_keyboard: [[{ text: "Thay", callback_data: "r" }]] } });
    expect(sent.message_id).toBeGreaterThan(0);
    expect(fake.calls.map((c) => [c.method, c.payload.chat_id, c.payload.text])).toEqual([["sendMessage", 42, "Xin chào — đã ghi"]]);
  });

  it("uploads files as multipart streams", async () => {
    const { fake, api } = await apiAgainstFake();
    await api.sendDocument(42, new InputFile(new TextEncoder().encode("a,b\n1,2\n"), "bao-cao.csv"), { caption: "Báo cáo" });
    const call = fake.calls[0]!;
    expect(call.method).toBe("sendDocument");
    expect(call.raw.toString("utf8")).toContain("bao-cao.csv");
    expect(call.raw.toString("utf8")).toContain("a,b\n1,2\n");
  });

  it("passes the Bot API's refusals through as GrammyError (so 429 retry_after still works)", async () => {
    const { api } = await apiAgainstFake((method) => (method === "sendMessage" ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined));
    const err = await api.sendMessage(42, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(403);
  });

  it("fails as an HttpError when the server is unreachable or too slow", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => (silent.closeAllConnections(), silent.close(() => r()))));
    const slow = new Api("123:test", { apiRoot: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutSeconds: 0.2, fetch: createNodeBotFetch() as never });
    await expect(slow.sendMessage(42, "x")).rejects.toBeInstanceOf(HttpError);
    const gone = new Api("123:test", { apiRoot: "http://127.0.0.1:1", fetch: createNodeBotFetch() as never });
    await expect(gone.sendMessage(42, "x")).rejects.toBeInstanceOf(HttpError);
  });
});
