import { officerJobs } from "../nudges/officer-jobs";
import { enqueue } from "../outbox/enqueue";
import { purgeInboundText } from "../privacy/purge-inbound-text";
import { purgeOldRecords } from "../privacy/purge-old-records";
import { planReminders } from "../reminders/plan-reminders";
import { planCampaignDigests } from "../campaigns/campaign-digests";
import { planCampaignDay, type CampaignDeps } from "../campaigns/plan-campaign";
import type { DailyJob } from "./daily-jobs";
import { jobTime } from "./job-times";

export interface ScheduledJobDeps extends CampaignDeps {
  /** INBOUND_TEXT_RETENTION_DAYS (default 90). */
  inboundTextRetentionDays?: number;
  /** OUTBOX_RETENTION_DAYS (default 180). */
  outboxRetentionDays?: number;
}

/**
 * Everything that runs on the clock, at the local times of JOB_TIMES (./job-times.ts): renewal
 * reminders, the peak month's campaign digests and messages, collectors' nudges, commune
 * summaries, the purge of old inbound texts and of old bookkeeping. Node ticks them every
 * minute; Workers from one Cron Trigger per time. Each is idempotent for its day, so an extra
 * tick never doubles a message.
 */
export function scheduledJobs(deps: ScheduledJobDeps): DailyJob[] {
  const remindersJob: DailyJob = {
    ...jobTime("renewal_reminders"),
    run: async ({ today, now }) => ({ ...(await planReminders(deps, { today, now })) }),
  };
  const enqueueMessages = async (messages: Parameters<typeof enqueue>[1]) => ({ enqueued: (await enqueue(deps.db, messages)).inserted.length });
  // Peak outreach month: the morning digest for officers, then the day's campaign messages.
  const digestJob: DailyJob = { ...jobTime("campaign_digests"), run: async (ctx) => planCampaignDigests(deps, ctx) };
  const campaignJob: DailyJob = { ...jobTime("campaign_messages"), run: async (ctx) => ({ campaigns: await planCampaignDay(deps, ctx) }) };
  const purgeJob: DailyJob = {
    ...jobTime("purge_inbound_text"),
    run: async ({ now }) => ({ ...(await purgeInboundText(deps.db, { now, retentionDays: deps.inboundTextRetentionDays })) }),
  };
  const retentionJob: DailyJob = {
    ...jobTime("purge_old_records"),
    run: async ({ now }) => ({ ...(await purgeOldRecords(deps.db, { now, outboxRetentionDays: deps.outboxRetentionDays })) }),
  };
  return [remindersJob, digestJob, campaignJob, ...officerJobs({ ...deps, enqueue: enqueueMessages }), purgeJob, retentionJob];
}
