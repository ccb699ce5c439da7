/** @module Zod schemas for the Zalo Bot platform (Telegram-like: `{ ok, result }` envelopes). */
import { z } from "zod";
import { zaloId } from "../zalo/schemas";

const botMessage = z.looseObject({
  message_id: zaloId,
  from: z.looseObject({ id: zaloId, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id: zaloId, chat_type: z.string().optional() }),
  date: z.union([z.number(), z.string()]).optional(),
  text: z.string().optional(),
});

/** A webhook event; sometimes wrapped as `{ ok: true, result: {…} }`, which `unwrapBotUpdate` undoes. */
export const zaloBotUpdateSchema = z.looseObject({ event_name: z.string().min(1), message: botMessage });
export type ZaloBotUpdate = z.infer<typeof zaloBotUpdateSchema>;

export function unwrapBotUpdate(raw: unknown): unknown {
  if (raw && typeof raw === "object" && "result" in raw && !("event_name" in raw)) return (raw as { result: unknown }).result;
  return raw;
}

/** Every Bot API answer. */
export const zaloBotResponseSchema = z.looseObject({
  ok: z.boolean(),
  result: z.looseObject({ message_id: zaloId.optional() }).optional(),
  error_code: z.coerce.number().int().optional(),
  description: z.string().optional(),
});
