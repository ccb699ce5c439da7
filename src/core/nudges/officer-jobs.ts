import type { DailyJob } from "../schedule/daily-jobs";
import { planCollectorNudges, planCommuneSummaries, type NudgeDeps, type PlannedMessage } from "./officer-nudges";

/** Puts planned messages into the outbox, skipping idempotency keys already there. */
export type Enqueue = (messages: readonly PlannedMessage[]) => Promise<{ enqueued: number }>;

/** The officers' scheduled messages: 16:00 nudges to silent collectors, 20:00 commune summaries. */
export function officerJobs(deps: NudgeDeps & { enqueue: Enqueue }): DailyJob[] {
  return [
    { name: "collector_nudges", at: "16:00", until: "20:00", run: async (ctx) => deps.enqueue(await planCollectorNudges(deps, ctx)) },
    { name: "commune_summaries", at: "20:00", until: "23:00", run: async (ctx) => deps.enqueue(await planCommuneSummaries(deps, ctx)) },
  ];
}
