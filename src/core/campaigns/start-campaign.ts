import { localDate } from "../time/local-date";
import { createPeakCampaign, type CreateCampaignInput, type PeakCampaign } from "./campaign-store";
import { planCampaign, type CampaignDayResult, type CampaignDeps } from "./plan-campaign";
import { campaignClock } from "./send-window";

export interface StartedCampaign {
  campaign: PeakCampaign;
  /** Today's messages, planned at once; undefined when the daily job still will (or today is closed). */
  today?: CampaignDayResult;
  /** Planning today failed; the campaign is stored all the same, since a retry would store it twice. */
  error?: unknown;
}

/**
 * Stores a campaign and, when today's campaign_messages job has already run but the day is
 * still open, plans today at once: a campaign starting at 10:00 sends on its first day instead
 * of waiting for the next send day (and the estimate counted that day). Before the job's
 * time it is left to the job; after `until` today is not sent, which the estimate knows too.
 * It runs planCampaign, as the job does, so a later run of the job the same day (Node
 * catching up, a retried Cron Trigger) finds the idempotency keys taken and sends nothing twice.
 */
export async function startPeakCampaign(deps: CampaignDeps, input: CreateCampaignInput): Promise<StartedCampaign> {
  const campaign = await createPeakCampaign(deps.db, input);
  if (campaignClock(input.now, deps.timezone) !== "open") return { campaign };
  try {
    return { campaign, today: await planCampaign(deps, campaign, { today: localDate(input.now, deps.timezone), now: input.now }) };
  } catch (error) {
    return { campaign, error };
  }
}
