/** @module Cloudflare Workers entry: D1 database, bundled catalogues, deps built once per isolate. */
import { createApp, type App } from "../app";
import { parseConfig } from "../config";
import { createLogger } from "../logger";
import { createTranslator } from "../i18n/translate";
import { createD1Db } from "./d1-db";
// Bundled as text by the wrangler Text rule (and the .ftl vite plugin in tests): no filesystem here.
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

/** Bindings from wrangler.toml: the D1 database plus [vars] and secrets (all strings). */
export interface Env {
  DB: D1Database;
  DEFAULT_LOCALE?: string;
  TIMEZONE?: string;
  LOG_LEVEL?: string;
  DATA_ENCRYPTION_KEY?: string;
  BLIND_INDEX_KEY?: string;
  DATA_KEY_ID?: string;
}

// Parsing config and Fluent catalogues on every request would waste CPU; bindings are stable
// for an isolate, so cache the app keyed on the env object (a new env object rebuilds it).
let cached: { env: Env; app: App } | undefined;

function appFor(env: Env): App {
  if (cached?.env === env) return cached.app;
  const config = parseConfig({ ...env });
  const app = createApp({
    config,
    db: createD1Db(env.DB),
    logger: createLogger({ level: config.logLevel }),
    t: createTranslator({ vi, en }, config.defaultLocale),
  });
  cached = { env, app };
  return app;
}

export default {
  fetch(request, env, ctx) {
    return appFor(env).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
