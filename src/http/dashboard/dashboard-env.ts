import type { Locale } from "../../config";
import type { LookupAlarm } from "../../core/alerts/lookup-alarm";
import type { AdminAccount } from "../../core/auth/admin-accounts";
import type { MessageArgs } from "../../i18n/translate";
import type { AppEnv } from "../app-env";

/** What the dashboard middleware puts on the context for its pages. */
export interface DashboardVars {
  locale: Locale;
  /** Translates in the page's locale. */
  tr: (key: string, args?: MessageArgs) => string;
  /** The double-submit token every form carries as `_csrf`. */
  csrf: string;
  /** The signed-in account, re-read from the database on every request. */
  account?: AdminAccount;
  /** Set on pages for national accounts when failed card look-ups spike (see core/alerts). */
  alarm?: LookupAlarm;
}

export type DashboardEnv = { Variables: AppEnv["Variables"] & DashboardVars };
