import { normalizePhone } from "./phone";

/** One form for a sender: a phone number as `84…`, a short code or name upper case without separators. */
export function senderKey(sender: string): string {
  return normalizePhone(sender) ?? sender.replace(/[\s.\-()+]/g, "").toUpperCase();
}
