import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import type { Translator } from "../../i18n/translate";
import { officerJobs } from "../nudges/officer-jobs";
import { enqueue } from "../outbox/enqueue";
import type { Protector } from "../privacy/protector";
import { purgeInboundText } from "../privacy/purge-inbound-text";
import { planReminders } from "../reminders/plan-reminders";
import type { DailyJob } from "./daily-jobs";

export interface ScheduledJobDeps {
  db: Db;
  protector: Protector;
  t: Translator;
  defaultLocale: Locale;
  timezone: string;
  smsEnabled: boolean;
  /** INBOUND_TEXT_RETENTION_DAYS (default 90). */
  inboundTextRetentionDays?: number;
}

/**
 * Everything that runs on the clock, in local time: renewal reminders at 08:00, collectors'
 * nudges at 16:00, commune summaries at 20:00, and the purge of old inbound texts at 22:00. Node ticks them every minute; Workers from
 * Cron Triggers. Each is idempotent for its day, so an extra tick never doubles a message.
 */
export function scheduledJobs(deps: ScheduledJobDeps): DailyJob[] {
  const remindersJob: DailyJob = {
    name: "renewal_reminders",
    at: "08:00",
    run: async ({ today, now }) => ({ ...(await planReminders(deps, { today, now })) }),
  };
  const enqueueMessages = async (messages: Parameters<typeof enqueue>[1]) => ({ enqueued: (await enqueue(deps.db, messages)).inserted.length });
  const purgeJob: DailyJob = {
    name: "purge_inbound_text",
    at: "22:00",
    run: async ({ now }) => ({ ...(await purgeInboundText(deps.db, { now, retentionDays: deps.inboundTextRetentionDays })) }),
  };
  return [remindersJob, ...officerJobs({ ...deps, enqueue: enqueueMessages }), purgeJob];
}
