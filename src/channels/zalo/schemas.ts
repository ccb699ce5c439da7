/** @module Zod schemas for every Zalo OA payload and response we read; ids stay strings. */
import { z } from "zod";

/** An id as Zalo sends it: a string, or a number that `parseJsonKeepingIds` already quoted if long. */
export const zaloId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
/** Millisecond timestamps arrive as strings or numbers. */
const msString = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String);

// === Webhook events (OA)

const userSendText = z.object({
  event_name: z.literal("user_send_text"),
  app_id: zaloId,
  sender: z.object({ id: zaloId }),
  recipient: z.object({ id: zaloId }),
  message: z.object({ msg_id: z.string().min(1), text: z.string() }),
  timestamp: msString,
  user_id_by_app: zaloId.optional(),
});

const followEvent = z.object({
  event_name: z.enum(["follow", "unfollow"]),
  app_id: zaloId,
  oa_id: zaloId.optional(),
  follower: z.object({ id: zaloId }),
  timestamp: msString,
  source: z.string().optional(),
});

const userReceivedMessage = z.object({
  event_name: z.literal("user_received_message"),
  app_id: zaloId,
  sender: z.object({ id: zaloId }),
  recipient: z.object({ id: z.string() }),
  message: z.object({ msg_id: z.string().min(1), tracking_id: z.string().optional(), delivery_time: msString.optional() }),
  timestamp: msString,
});

/** The events we act on; anything else (seen, stickers, template status…) is acknowledged and ignored. */
export const zaloOaEventSchema = z.discriminatedUnion("event_name", [userSendText, followEvent, userReceivedMessage]);
export type ZaloOaEvent = z.infer<typeof zaloOaEventSchema>;

/** What every event carries, read first: the signature needs `app_id` and `timestamp`. */
export const zaloOaEnvelopeSchema = z.looseObject({ event_name: z.string(), app_id: zaloId, timestamp: msString });

// === API responses

/** Every OA / ZNS response: HTTP 200 with `error` 0 on success, non-zero otherwise. */
export const zaloResponseSchema = z.looseObject({ error: z.coerce.number().int(), message: z.string().optional(), data: z.unknown().optional() });

/** `POST /v3.0/oa/message/cs` success data. */
export const zaloSendDataSchema = z.looseObject({ message_id: zaloId, user_id: zaloId.optional(), quota: z.unknown().optional() });

/** `POST /message/template` (ZNS / ZBS by phone) success data. */
export const znsSendDataSchema = z.looseObject({
  msg_id: zaloId,
  sent_time: msString.optional(),
  quota: z.looseObject({ dailyQuota: z.coerce.string(), remainingQuota: z.coerce.string() }).optional(),
});

/** `POST /v4/oa/access_token`: a new pair (the old refresh token is now spent), or an OAuth error. */
export const zaloTokenResponseSchema = z.union([
  z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_in: z.coerce.number().int().positive() }),
  z.looseObject({ error: z.coerce.number().int(), error_name: z.string().optional(), error_description: z.string().optional(), message: z.string().optional() }),
]);

// === Requests we send

export interface ZaloCsMessage {
  recipient: { user_id: string };
  message: { text: string };
}

export interface ZnsTemplateRequest {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
}
