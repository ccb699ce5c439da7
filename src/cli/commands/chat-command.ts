import { terminalSafe } from "../terminal-safe";
import { createInterface } from "node:readline";
import { createConversation } from "../../core/conversation/create-conversation";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import type { Channel } from "../../db/schema";
import { AppError } from "../../errors";
import type { Command } from "../command";
import { normalizePhone } from "../../core/sms/phone";

/** A Telegram user id (digits) or a Vietnamese phone number (SMS). */
export function chatIdentity(as: string): { channel: Channel; senderId: string } {
  const compact = as.replace(/[\s.-]/g, "");
  const phone = compact.length >= 10 ? normalizePhone(compact) : undefined;
  if (phone) return { channel: "sms", senderId: phone };
  if (/^\d{1,15}$/.test(compact)) return { channel: "telegram", senderId: compact };
  throw new AppError("bad_request", "cli-bad-option", { detail: `--as ${as}` });
}

/** Plain-text rendering, as SMS will show it: buttons become numbered choices. */
export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  if (reply.image) lines.unshift(`[${reply.image.caption ?? "PNG"}]`);
  if (reply.document) lines.push(`[${reply.document.fileName}, ${reply.document.bytes.length} bytes]`);
  reply.buttons?.flat().forEach((b, i) => lines.push(`  ${i + 1}. ${b.label}`));
  return lines.join("\n");
}

/** Feeds each input line to the conversation core and prints the replies. */
export async function runChat(
  handle: (m: InboundMessage) => Promise<Reply[]>,
  identity: { channel: Channel; senderId: string },
  lines: AsyncIterable<string>,
  write: (text: string) => void,
): Promise<void> {
  for await (const line of lines) {
    if (!line.trim()) continue;
    const replies = await handle({ ...identity, text: line, displayName: "bhyt chat", receivedAt: new Date() });
    for (const reply of replies) write(renderReply(reply) + "\n");
  }
}

export const chatCommand: Command = {
  words: ["chat"],
  usage: "--as <telegram-user-id|số điện thoại>",
  helpKey: "cli-help-chat",
  options: { as: { type: "string" } },
  async run(ctx, io, args) {
    if (typeof args.values.as !== "string") throw new AppError("bad_request", "cli-missing-argument", { name: "--as" });
    const identity = chatIdentity(args.values.as);
    const handle = createConversation({ db: ctx.db(), protector: await ctx.protector(), t: ctx.t, defaultLocale: io.locale, timezone: ctx.config.timezone });
    const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, prompt: "> " });
    if (process.stdin.isTTY) {
      io.say(io.t(io.locale, "cli-chat-intro", { channel: identity.channel, id: identity.senderId }));
      rl.prompt();
      rl.on("line", () => rl.prompt());
    }
    await runChat(handle, identity, rl, (text) => process.stdout.write(terminalSafe(text)));
    return 0;
  },
};
