/** @module The Worker's bindings (wrangler.toml [vars], secrets, D1 and queues): a type only, shared by the handlers. */
import type { DispatchJob } from "./queue-dispatch";
import type { DailyKick } from "./shard-daily";

/** Bindings from wrangler.toml: the D1 database(s) plus [vars] and secrets (all strings; documented in .dev.vars.example). */
export interface Env {
  DB: D1Database;
  /** SHARDING=province: identities → shard and daily rollups (migrations-national/). */
  NATIONAL_DB?: D1Database;
  /** SHARDING=province: one database per shard, `DB_P<shard>` (DB_P12, DB_P38, DB_P79_1…). */
  [shard: `DB_P${string}`]: D1Database | undefined;
  SHARDING?: string;
  DEFAULT_SHARD?: string;
  /** Producer for `bhyt-dispatch`: kicks that wake the outbox consumer (optional: without it nothing dispatches). */
  DISPATCH_QUEUE?: Queue<DispatchJob>;
  /** SHARDING=province: `bhyt-daily`, one message per shard and Cron Trigger (src/entry/shard-daily.ts). */
  DAILY_QUEUE?: Queue<DailyKick>;
  DEFAULT_LOCALE?: string;
  TIMEZONE?: string;
  LOG_LEVEL?: string;
  DATA_ENCRYPTION_KEY?: string;
  BLIND_INDEX_KEY?: string;
  DATA_KEY_ID?: string;
  PUBLIC_URL?: string;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_BOT_USERNAME?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  // Workers only receive webhooks: leave TELEGRAM_MODE unset or "webhook" (polling mounts no route).
  TELEGRAM_MODE?: string;
  SMS_PROVIDER?: string;
  SMS_API_BASE_URL?: string;
  SMS_USERNAME?: string;
  SMS_PASSWORD?: string;
  SMS_API_KEY?: string;
  SMS_API_SECRET?: string;
  SMS_BRANDNAME?: string;
  SMS_FROM?: string;
  SMS_WEBHOOK_SECRET?: string;
  SMS_SANDBOX?: string;
  SMS_RATE_PER_SECOND?: string;
  QUIET_HOURS?: string;
  ZALO_APP_ID?: string;
  ZALO_APP_SECRET?: string;
  ZALO_OA_SECRET_KEY?: string;
  ZALO_OA_ACCESS_TOKEN?: string;
  ZALO_OA_REFRESH_TOKEN?: string;
  ZALO_API_ROOT?: string;
  ZALO_OAUTH_ROOT?: string;
  ZALO_BUSINESS_API_ROOT?: string;
  ZALO_BOT_TOKEN?: string;
  ZALO_BOT_WEBHOOK_SECRET?: string;
  ZALO_BOT_API_ROOT?: string;
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  SESSION_SECRET?: string;
  SMS_DENY_NUMBERS?: string;
  INBOUND_TEXT_RETENTION_DAYS?: string;
  OUTBOX_RETENTION_DAYS?: string;
  ZALO_ZNS?: string;
  ZALO_OA_PROACTIVE_DAILY_QUOTA?: string;
  REMINDER_CHANNEL_ORDER?: string;
  LOOKUP_ALARM_MULTIPLE?: string;
  LOOKUP_ALARM_FLOOR?: string;
  // OLD_DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY, OLD_DATA_KEY_ID are read only by `bhyt keys rotate` (CLI): never bind them here.
}
