import type { SmsConfig } from "../../config";
import { createEsmsProvider } from "./providers/esms";
import { createSmsGateProvider, type ProviderOptions } from "./providers/smsgate";
import { createTwilioProvider } from "./providers/twilio";
import type { SmsProvider } from "./types";

/** The path inbound webhooks and delivery reports arrive on, per provider. */
export function smsWebhookPath(provider: SmsConfig["provider"]): string {
  return `/webhooks/sms/${provider}`;
}

/**
 * Builds the configured provider. With a public URL, providers that take a callback URL per
 * message (eSMS, Twilio) are told where to report deliveries; SMSGate webhooks are
 * registered once, out of band (`POST /3rdparty/v1/webhooks`).
 */
export function createSmsProvider(config: SmsConfig, options: ProviderOptions & { publicUrl?: string } = {}): SmsProvider {
  const base = options.publicUrl?.replace(/\/+$/, "");
  switch (config.provider) {
    case "smsgate":
      return createSmsGateProvider(config, options);
    case "esms": {
      const callbackUrl = base && config.webhookSecret ? `${base}${smsWebhookPath("esms")}?token=${encodeURIComponent(config.webhookSecret)}` : undefined;
      return createEsmsProvider(config, { ...options, callbackUrl });
    }
    case "twilio":
      return createTwilioProvider(config, { ...options, statusCallbackUrl: base ? `${base}${smsWebhookPath("twilio")}` : undefined });
  }
}
