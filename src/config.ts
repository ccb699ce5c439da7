import { z } from "zod";
import { parseQuietHours, type QuietHours } from "./values/quiet-hours";
import { DEFAULT_ROUTE_ORDER, isRouteOrder, parseRouteOrder, type RouteChannel } from "./values/route-order";
import { zaloConfigs, type ZaloBotConfig, type ZaloOaConfig } from "./config-zalo";
import { base64Key, privacyConfig, privacyEnvShape, type PrivacyConfig } from "./config-privacy";
import { dashboardConfig, dashboardEnvShape, type DashboardConfig } from "./config-dashboard";
import { opsConfig, opsEnvShape, type OpsConfig } from "./config-ops";
import { shardConfig, shardEnvShape, type ShardConfig } from "./config-shards";
export type { PrivacyConfig, ShardConfig, ZaloBotConfig, ZaloOaConfig };

/** Locales with a catalogue in `messages/`; Vietnamese is the default everywhere users see text. */
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** SMS gateways with an adapter in `src/channels/sms/providers/`. */
export const SMS_PROVIDER_NAMES = ["smsgate", "esms", "twilio"] as const;
export type SmsProviderName = (typeof SMS_PROVIDER_NAMES)[number];

const SMS_DEFAULT_BASE_URLS: Record<SmsProviderName, string> = {
  smsgate: "https://api.sms-gate.app",
  esms: "https://rest.esms.vn",
  twilio: "https://api.twilio.com",
};

/**
 * Every environment key the service reads, in one schema. Entries pass their own source
 * (the process environment on Node, bindings on Workers); nothing else reads it.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/bhyt.sqlite"),
  SEED_DEMO: flag.default(true),
  DEFAULT_LOCALE: z.enum(LOCALES).default("vi"),
  TIMEZONE: z.string().min(1).default("Asia/Ho_Chi_Minh"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  DATA_ENCRYPTION_KEY: base64Key.optional(),
  BLIND_INDEX_KEY: base64Key.optional(),
  DATA_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).default("k1"),
  PUBLIC_URL: z.url().optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/).optional(),
  TELEGRAM_BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{3,64}$/).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{12,256}$/).optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TELEGRAM_MODE: z.enum(["webhook", "polling"]).optional(),
  SMS_PROVIDER: z.enum(SMS_PROVIDER_NAMES).optional(),
  SMS_API_BASE_URL: z.url().optional(),
  SMS_USERNAME: z.string().min(1).optional(),
  SMS_PASSWORD: z.string().min(1).optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  SMS_API_SECRET: z.string().min(1).optional(),
  SMS_BRANDNAME: z.string().min(1).max(11).optional(),
  SMS_FROM: z.string().min(1).optional(),
  SMS_WEBHOOK_SECRET: z.string().min(12).optional(),
  SMS_SANDBOX: flag.default(false),
  SMS_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(1),
  ADMIN_USERNAME: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/).default("admin"),
  ADMIN_PASSWORD: z.string().min(12).max(256).optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Mixed into every dashboard password hash (HMAC before PBKDF2); kept outside the database. */
  PASSWORD_PEPPER: z.string().min(32).max(512).optional(),
  QUIET_HOURS: z
    .string()
    .regex(/^(?:off|(?:[01]\d|2[0-3]):[0-5]\d-(?:[01]\d|2[0-3]):[0-5]\d)$/)
    .default("21:00-07:00"),
  ZALO_APP_ID: z.string().regex(/^\d{1,32}$/).optional(),
  ZALO_APP_SECRET: z.string().min(8).optional(),
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  ZALO_OA_ACCESS_TOKEN: z.string().min(8).optional(),
  ZALO_OA_REFRESH_TOKEN: z.string().min(8).optional(),
  ZALO_API_ROOT: z.url().default("https://openapi.zalo.me"),
  ZALO_OAUTH_ROOT: z.url().default("https://oauth.zaloapp.com"),
  ZALO_BUSINESS_API_ROOT: z.url().default("https://business.openapi.zalo.me"),
  ZALO_ZNS: flag.default(false),
  ZALO_OA_PROACTIVE_DAILY_QUOTA: z.coerce.number().int().min(0).max(1_000_000).default(0),
  REMINDER_CHANNEL_ORDER: z.string().refine(isRouteOrder).default(DEFAULT_ROUTE_ORDER.join(",")),
  ZALO_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/).optional(),
  ZALO_BOT_WEBHOOK_SECRET: z.string().min(8).max(256).optional(),
  ZALO_BOT_API_ROOT: z.url().default("https://bot-api.zaloplatforms.com"),
  ...privacyEnvShape,
  ...opsEnvShape,
  ...shardEnvShape,
  ...dashboardEnvShape,
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  seedDemo: boolean;
  defaultLocale: Locale;
  timezone: string;
  logLevel: LogLevel;
  /** Personal-data keys; the Node entry keeps generated ones next to the database when unset. */
  dataEncryptionKey?: string;
  blindIndexKey?: string;
  dataKeyId: string;
  /** Public base URL (https://…) when webhooks can reach us; without it a Node bot long-polls. */
  publicUrl?: string;
  telegram?: TelegramConfig;
  sms?: SmsConfig;
  /** Zalo Official Account (`ZALO_APP_ID`: webhooks, CS replies, ZNS) and Zalo Bot (`ZALO_BOT_TOKEN`). */
  zaloOa?: ZaloOaConfig;
  zaloBot?: ZaloBotConfig;
  /** `REMINDER_CHANNEL_ORDER`: how reminders and campaigns pick a channel per recipient, and fall back. */
  reminderChannels: RouteChannel[];
  /** Local times when residents get nothing (officers still do); undefined when `QUIET_HOURS=off`. */
  quietHours?: QuietHours;
  /** The first dashboard account, created only while there is none; without a password one is generated. */
  admin: { username: string; password?: string; pepper?: string };
  /** Signs dashboard session cookies; else a key derived from BLIND_INDEX_KEY (or the generated keys). */
  sessionSecret?: string;
} & PrivacyConfig &
  OpsConfig &
  ShardConfig &
  DashboardConfig;

/** Present only when a bot token is configured. */
export interface TelegramConfig {
  token: string;
  /** Lets grammY skip getMe on every cold start. */
  username: string;
  webhookSecret?: string;
  apiRoot: string;
  /**
   * Exactly one way updates arrive: `webhook` mounts POST /webhooks/telegram and never polls;
   * `polling` long-polls getUpdates and mounts no route. grammY refuses both at once.
   */
  mode: TelegramMode;
  /** Whether `mode` was set by TELEGRAM_MODE or derived from the other variables (said at start). */
  modeSource: "TELEGRAM_MODE" | "derived";
}

export type TelegramMode = "webhook" | "polling";

interface SmsCommon {
  baseUrl: string;
  /** SMSGate signing key, eSMS callback token, Twilio signing key (defaults to the auth token). */
  webhookSecret?: string;
  /** Sends per second through this gateway, evenly spaced. */
  ratePerSecond: number;
}

/** Present only when `SMS_PROVIDER` is set; each provider has its own credentials. */
export type SmsConfig =
  | (SmsCommon & { provider: "smsgate"; username: string; password: string })
  | (SmsCommon & { provider: "esms"; apiKey: string; apiSecret: string; brandname: string; sandbox: boolean })
  | (SmsCommon & { provider: "twilio"; accountSid: string; authToken: string; from: string });

/** Thrown when the environment does not satisfy the schema; names keys, never values. */
export class ConfigError extends Error {
  constructor(public readonly keys: string[], details: string) {
    super(`Invalid config: ${details}`);
    this.name = "ConfigError";
  }
}

/** Parses configuration once; empty strings count as unset so `.env` templates stay harmless. */
export function parseConfig(source: Record<string, unknown>): Config {
  const cleaned: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const keys = [...new Set(result.error.issues.map((i) => String(i.path[0])))];
    // The issue message may quote the offending value (zod enum errors do not, but keep it safe).
    const details = keys.map((k) => `${k} is invalid`).join("; ");
    throw new ConfigError(keys, details);
  }
  const e = result.data;
  if (Boolean(e.DATA_ENCRYPTION_KEY) !== Boolean(e.BLIND_INDEX_KEY)) {
    // One key alone used to be ignored for a freshly generated keys.json: data sealed under keys nobody configured.
    const missing = e.DATA_ENCRYPTION_KEY ? "BLIND_INDEX_KEY" : "DATA_ENCRYPTION_KEY";
    throw new ConfigError([missing], `${missing} is required with ${missing === "BLIND_INDEX_KEY" ? "DATA_ENCRYPTION_KEY" : "BLIND_INDEX_KEY"}: set both personal-data keys, or neither`);
  }
  const telegramMode = deriveTelegramMode(e);
  if (e.TELEGRAM_BOT_TOKEN && telegramMode === "webhook" && !e.TELEGRAM_WEBHOOK_SECRET) {
    // A webhook without a secret would accept forged updates.
    throw new ConfigError(["TELEGRAM_WEBHOOK_SECRET"], "TELEGRAM_WEBHOOK_SECRET is required for Telegram webhook mode (TELEGRAM_MODE=webhook or PUBLIC_URL set)");
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    seedDemo: e.SEED_DEMO,
    defaultLocale: e.DEFAULT_LOCALE,
    timezone: e.TIMEZONE,
    logLevel: e.LOG_LEVEL,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY,
    blindIndexKey: e.BLIND_INDEX_KEY,
    dataKeyId: e.DATA_KEY_ID,
    publicUrl: e.PUBLIC_URL,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          username: e.TELEGRAM_BOT_USERNAME ?? "bhyt_bot",
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          apiRoot: e.TELEGRAM_API_ROOT,
          mode: telegramMode,
          modeSource: e.TELEGRAM_MODE ? "TELEGRAM_MODE" : "derived",
        }
      : undefined,
    sms: smsConfig(e),
    ...zaloConfigs(e, (keys, details) => new ConfigError(keys, details)),
    reminderChannels: parseRouteOrder(e.REMINDER_CHANNEL_ORDER),
    quietHours: parseQuietHours(e.QUIET_HOURS),
    admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, pepper: e.PASSWORD_PEPPER },
    sessionSecret: e.SESSION_SECRET,
    ...privacyConfig(e),
    ...opsConfig(e),
    ...shardConfig(e),
    ...dashboardConfig(e),
  };
}

export type ParsedEnv = z.infer<typeof configSchema>;

const SMS_REQUIRED: Record<SmsProviderName, (keyof ParsedEnv)[]> = {
  smsgate: ["SMS_USERNAME", "SMS_PASSWORD"],
  esms: ["SMS_API_KEY", "SMS_API_SECRET", "SMS_BRANDNAME"],
  twilio: ["SMS_USERNAME", "SMS_PASSWORD", "SMS_FROM"],
};

function smsConfig(e: ParsedEnv): SmsConfig | undefined {
  const provider = e.SMS_PROVIDER;
  if (!provider) return undefined;
  const missing = SMS_REQUIRED[provider].filter((key) => e[key] === undefined);
  if (missing.length > 0) throw new ConfigError(missing, `${missing.join(", ")} required with SMS_PROVIDER=${provider}`);
  const common = { baseUrl: e.SMS_API_BASE_URL ?? SMS_DEFAULT_BASE_URLS[provider], webhookSecret: e.SMS_WEBHOOK_SECRET, ratePerSecond: e.SMS_RATE_PER_SECOND };
  switch (provider) {
    case "smsgate":
      return { ...common, provider, username: e.SMS_USERNAME!, password: e.SMS_PASSWORD! };
    case "esms":
      return { ...common, provider, apiKey: e.SMS_API_KEY!, apiSecret: e.SMS_API_SECRET!, brandname: e.SMS_BRANDNAME!, sandbox: e.SMS_SANDBOX };
    case "twilio":
      // Twilio signs webhooks with the auth token; compatible providers may have a separate key.
      return { ...common, provider, accountSid: e.SMS_USERNAME!, authToken: e.SMS_PASSWORD!, from: e.SMS_FROM!, webhookSecret: e.SMS_WEBHOOK_SECRET ?? e.SMS_PASSWORD };
  }
}

/**
 * TELEGRAM_MODE when set; otherwise `webhook` when a webhook secret or PUBLIC_URL says updates
 * are pushed to us (e.g. `bhyt telegram set-webhook` behind a proxy, no PUBLIC_URL), else
 * `polling` (a laptop with only a token).
 */
function deriveTelegramMode(e: { TELEGRAM_MODE?: TelegramMode; TELEGRAM_WEBHOOK_SECRET?: string; PUBLIC_URL?: string }): TelegramMode {
  if (e.TELEGRAM_MODE) return e.TELEGRAM_MODE;
  return e.TELEGRAM_WEBHOOK_SECRET || e.PUBLIC_URL ? "webhook" : "polling";
}
