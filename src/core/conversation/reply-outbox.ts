import type { Channel } from "../../db/schema";
import type { OutboxAttachment, OutboxDraft, OutboxPayload } from "../outbox/types";
import { toBase64 } from "../privacy/protector";
import type { Reply } from "./types";

/**
 * The reply rules, defined once for every channel: replies are conversation (never held by
 * quiet hours: the `officer` purpose prefix) and pointless an hour late (dropped, not sent).
 */
export const REPLY_PURPOSE = "officer-reply";
export const REPLY_TTL_MS = 60 * 60_000;

/** A reply's outbox payload for a chat channel: text, buttons, and a file or picture as base64. */
export function chatReplyPayload(reply: Reply, chatId: string): OutboxPayload {
  const attachment: OutboxAttachment | undefined = reply.document
    ? { kind: "document", base64: toBase64(reply.document.bytes), fileName: reply.document.fileName }
    : reply.image
      ? { kind: "photo", base64: toBase64(reply.image.png), fileName: "tien-do.png", caption: reply.image.caption }
      : undefined;
  return { text: reply.text, chatId, ...(reply.buttons ? { buttons: reply.buttons } : {}), ...(attachment ? { attachment } : {}) };
}

/** Outbox drafts for replies `from…` of one inbound update: the key makes a second enqueue a no-op. */
export function replyDrafts(input: { channel: Channel; externalId: string; replies: { payload: OutboxPayload }[]; from?: number; at: Date; notBefore?: Date }): OutboxDraft[] {
  const from = input.from ?? 0;
  return input.replies.map((reply, i) => ({
    idempotencyKey: `${input.channel}-reply:${input.externalId}:${from + i}`,
    channel: input.channel,
    purpose: REPLY_PURPOSE,
    templateKey: `${input.channel}-reply`,
    payload: reply.payload,
    notBefore: input.notBefore ?? input.at,
    expiresAt: new Date(input.at.getTime() + REPLY_TTL_MS),
  }));
}
