import type { Channel } from "../../db/schema";

/**
 * A message as every channel delivers it to the core: Telegram, Zalo and SMS adapters all
 * produce this shape, so one use case serves them all.
 */
export interface InboundMessage {
  channel: Channel;
  /** The platform's id for the sender (Telegram user id, Zalo user id, phone number for SMS). */
  senderId: string;
  text?: string;
  /** A pressed button (callback data / quick-reply payload). */
  action?: string;
  /** The platform's language hint ("vi", "en-US"). */
  languageHint?: string;
  displayName?: string;
  /** The channel's id of this update (Telegram update_id): processing is de-duplicated on it. */
  updateId?: string;
  receivedAt: Date;
}

export interface ReplyButton {
  label: string;
  /** Short opaque key (Telegram callback data is limited to 64 bytes). */
  action: string;
}

/** What the core answers; adapters render it (buttons become numbered choices on SMS). */
export interface Reply {
  text: string;
  buttons?: ReplyButton[][];
  image?: { png: Uint8Array; caption?: string };
  /** A file (the door-to-door XLSX); channels that cannot carry files send `text` only. */
  document?: { bytes: Uint8Array; fileName: string };
  /** SMS only: the most parts this reply may take (written short for it); else the channel's default. */
  smsMaxParts?: number;
}
