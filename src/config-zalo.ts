/** Zalo's part of `parseConfig`: the keys are in `configSchema` (src/config.ts); this only shapes them. */

/** Present when `ZALO_APP_ID` is set: the Official Account's app and its tokens. */
export interface ZaloOaConfig {
  appId: string;
  /** App secret: the `secret_key` header of token refreshes. */
  appSecret: string;
  /** "OA Secret Key" of the webhook settings: signs `X-ZEvent-Signature` (not always the app secret). */
  oaSecretKey: string;
  /** First token pair, used until the database holds a newer one (refresh tokens are single-use). */
  accessToken?: string;
  refreshToken?: string;
  apiRoot: string;
  oauthRoot: string;
  businessApiRoot: string;
  /** `ZALO_ZNS=1`: approved ZNS / ZBS templates (the `zalo_templates` table) may reach roster phones. */
  zns: boolean;
  /** Proactive OA messages (outside the 48-hour window, with no template or SMS to fall back on) allowed per day. */
  proactiveDailyQuota: number;
}

/** Present when `ZALO_BOT_TOKEN` is set. Without a webhook secret there is no webhook route. */
export interface ZaloBotConfig {
  token: string;
  webhookSecret?: string;
  apiRoot: string;
}

interface ZaloEnv {
  ZALO_APP_ID?: string;
  ZALO_APP_SECRET?: string;
  ZALO_OA_SECRET_KEY?: string;
  ZALO_OA_ACCESS_TOKEN?: string;
  ZALO_OA_REFRESH_TOKEN?: string;
  ZALO_API_ROOT: string;
  ZALO_OAUTH_ROOT: string;
  ZALO_BUSINESS_API_ROOT: string;
  ZALO_ZNS: boolean;
  ZALO_OA_PROACTIVE_DAILY_QUOTA: number;
  ZALO_BOT_TOKEN?: string;
  ZALO_BOT_WEBHOOK_SECRET?: string;
  ZALO_BOT_API_ROOT: string;
}

export function zaloConfigs(e: ZaloEnv, fail: (keys: string[], details: string) => Error): { zaloOa?: ZaloOaConfig; zaloBot?: ZaloBotConfig } {
  let zaloOa: ZaloOaConfig | undefined;
  if (e.ZALO_APP_ID) {
    // Without the OA secret key webhooks cannot be verified; without the app secret tokens cannot be refreshed.
    const missing = (["ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"] as const).filter((k) => !e[k]);
    if (missing.length > 0) throw fail([...missing], `${missing.join(", ")} required with ZALO_APP_ID`);
    zaloOa = {
      appId: e.ZALO_APP_ID,
      appSecret: e.ZALO_APP_SECRET!,
      oaSecretKey: e.ZALO_OA_SECRET_KEY!,
      accessToken: e.ZALO_OA_ACCESS_TOKEN,
      refreshToken: e.ZALO_OA_REFRESH_TOKEN,
      apiRoot: e.ZALO_API_ROOT,
      oauthRoot: e.ZALO_OAUTH_ROOT,
      businessApiRoot: e.ZALO_BUSINESS_API_ROOT,
      zns: e.ZALO_ZNS,
      proactiveDailyQuota: e.ZALO_OA_PROACTIVE_DAILY_QUOTA,
    };
  }
  const zaloBot = e.ZALO_BOT_TOKEN ? { token: e.ZALO_BOT_TOKEN, webhookSecret: e.ZALO_BOT_WEBHOOK_SECRET, apiRoot: e.ZALO_BOT_API_ROOT } : undefined;
  return { zaloOa, zaloBot };
}
