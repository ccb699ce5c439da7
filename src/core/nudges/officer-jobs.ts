import type { DailyJob } from "../schedule/daily-jobs";
import { jobTime } from "../schedule/job-times";
import { planCollectorNudges, planCommuneSummaries, type NudgeDeps, type PlannedMessage } from "./officer-nudges";

/** Puts planned messages into the outbox, skipping idempotency keys already there. */
export type Enqueue = (messages: readonly PlannedMessage[]) => Promise<{ enqueued: number }>;

/** The officers' scheduled messages: afternoon nudges to silent collectors, evening commune summaries (times in JOB_TIMES). */
export function officerJobs(deps: NudgeDeps & { enqueue: Enqueue }): DailyJob[] {
  return [
    { ...jobTime("collector_nudges"), run: async (ctx) => deps.enqueue(await planCollectorNudges(deps, ctx)) },
    { ...jobTime("commune_summaries"), run: async (ctx) => deps.enqueue(await planCommuneSummaries(deps, ctx)) },
  ];
}
