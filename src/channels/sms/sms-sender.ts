import type { ChannelSender } from "../../core/outbox/types";
import { fitSms } from "../../core/sms/fit-sms";
import type { SmsProvider } from "./types";

/** Parts an SMS may take unless the message says otherwise (cost control: each part is billed). */
export const DEFAULT_SMS_SEGMENTS = 2;

/**
 * The outbox's SMS channel: fits the text (accented if it fits, else unaccented, else cut),
 * renders buttons as numbered choices, and paces sends at the gateway's rate.
 */
export function createSmsSender(provider: SmsProvider, options: { ratePerSecond: number }): ChannelSender {
  return {
    channel: "sms",
    limits: { perSecond: options.ratePerSecond },
    async send(message) {
      const text = fitSms(renderSmsText(message.text, message.buttons), message.maxSegments ?? DEFAULT_SMS_SEGMENTS).text;
      return provider.send({ to: message.to, text, idempotencyKey: message.idempotencyKey, expiresAt: message.expiresAt });
    },
  };
}

/** SMS has no buttons: they become "1. …" lines, answered with the number (the core maps it back). */
export function renderSmsText(text: string, buttons?: { label: string }[][]): string {
  const choices = buttons?.flat() ?? [];
  return [text, ...choices.map((b, i) => `${i + 1}. ${b.label}`)].join("\n");
}
