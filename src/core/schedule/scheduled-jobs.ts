import { officerJobs } from "../nudges/officer-jobs";
import { enqueue } from "../outbox/enqueue";
import { purgeInboundText } from "../privacy/purge-inbound-text";
import { purgeOldRecords } from "../privacy/purge-old-records";
import { planReminders } from "../reminders/plan-reminders";
import { planCampaignDigests } from "../campaigns/campaign-digests";
import { planCampaignDay, type CampaignDeps } from "../campaigns/plan-campaign";
import type { DailyJob } from "./daily-jobs";

export interface ScheduledJobDeps extends CampaignDeps {
  /** INBOUND_TEXT_RETENTION_DAYS (default 90). */
  inboundTextRetentionDays?: number;
  /** OUTBOX_RETENTION_DAYS (default 180). */
  outboxRetentionDays?: number;
}

/**
 * Everything that runs on the clock, in local time: renewal reminders at 08:00, campaign
 * digests at 07:30 and messages at 08:30 during a peak month, collectors' nudges at 16:00,
 * commune summaries at 20:00, the purge of old inbound texts at 22:00 and of old bookkeeping
 * (dedup ids, finished outbox messages, ZNS tracking ids) at 22:15. Node ticks them every minute; Workers from
 * Cron Triggers. Each is idempotent for its day, so an extra tick never doubles a message.
 */
export function scheduledJobs(deps: ScheduledJobDeps): DailyJob[] {
  const remindersJob: DailyJob = {
    name: "renewal_reminders",
    at: "08:00",
    run: async ({ today, now }) => ({ ...(await planReminders(deps, { today, now })) }),
  };
  const enqueueMessages = async (messages: Parameters<typeof enqueue>[1]) => ({ enqueued: (await enqueue(deps.db, messages)).inserted.length });
  // Peak outreach month: the morning digest for officers, then the day's campaign messages.
  const digestJob: DailyJob = { name: "campaign_digests", at: "07:30", until: "12:00", run: async (ctx) => planCampaignDigests(deps, ctx) };
  const campaignJob: DailyJob = { name: "campaign_messages", at: "08:30", until: "20:00", run: async (ctx) => ({ campaigns: await planCampaignDay(deps, ctx) }) };
  const purgeJob: DailyJob = {
    name: "purge_inbound_text",
    at: "22:00",
    run: async ({ now }) => ({ ...(await purgeInboundText(deps.db, { now, retentionDays: deps.inboundTextRetentionDays })) }),
  };
  const retentionJob: DailyJob = {
    name: "purge_old_records",
    at: "22:15",
    run: async ({ now }) => ({ ...(await purgeOldRecords(deps.db, { now, outboxRetentionDays: deps.outboxRetentionDays })) }),
  };
  return [remindersJob, digestJob, campaignJob, ...officerJobs({ ...deps, enqueue: enqueueMessages }), purgeJob, retentionJob];
}
