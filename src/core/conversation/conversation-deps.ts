import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import type { Translator } from "../../i18n/translate";
import type { ChartRenderer } from "../charts/chart-renderer";
import type { Protector } from "../privacy/protector";

/** What the conversation core needs; channels never reach past it to the database. */
export interface ConversationDeps {
  db: Db;
  protector: Protector;
  t: Translator;
  defaultLocale: Locale;
  timezone: string;
  /** Draws /tiendo's picture; without it progress is text only. */
  chart?: ChartRenderer;
}
