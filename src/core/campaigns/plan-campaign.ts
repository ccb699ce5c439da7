import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import type { Translator } from "../../i18n/translate";
import { enqueue } from "../outbox/enqueue";
import type { OutboxDraft } from "../outbox/types";
import type { Protector } from "../privacy/protector";
import { householdRecipient } from "../reminders/household-recipients";
import { joinNames } from "../outbox/resolve-names";
import { fitSms } from "../sms/fit-sms";
import { addDays, daysBetween } from "../time/day-math";
import { zonedTime } from "../time/zoned-time";
import { campaignHouseholds } from "./campaign-audience";
import type { Reach } from "../outbox/routes";
import { createRouteBook, recipientDraft } from "../reminders/recipient-draft";
import { activePeakCampaigns, type PeakCampaign } from "./campaign-store";
import { firstOpenDay } from "./send-window";

export interface CampaignDeps {
  db: Db;
  protector: Protector;
  t: Translator;
  defaultLocale: Locale;
  timezone: string;
  smsEnabled: boolean;
  /** Configured channels and `REMINDER_CHANNEL_ORDER`. */
  reach?: Reach;
}

const CAMPAIGN_VARIABLES = ["campaign", "names", "until", "count", "group"] as const;

/**
 * Days of the campaign on which households are written to: every ceil(7 / maxPerWeek) days
 * from the first, so no 7-day stretch holds more than maxPerWeek messages per household.
 * Spreading them over the week also smooths the load instead of one burst.
 */
export function isSendDay(campaign: PeakCampaign, today: string): boolean {
  const day = daysBetween(campaign.startsOn, today);
  return day >= 0 && today <= campaign.endsOn && day % Math.ceil(7 / campaign.maxPerWeek) === 0;
}

/** How many send days (isSendDay) fall between `from` (default: the first day) and the last day. */
export function sendDays(campaign: PeakCampaign, from = campaign.startsOn): number {
  const step = Math.ceil(7 / campaign.maxPerWeek);
  const first = Math.ceil(Math.max(0, daysBetween(campaign.startsOn, from)) / step);
  const last = Math.floor(daysBetween(campaign.startsOn, campaign.endsOn) / step);
  return Math.max(0, last - first + 1);
}

export interface CampaignDayResult {
  campaignId: number;
  households: number;
  queued: number;
  optedOut: number;
  undeliverable: number;
}

/** One day of every active peak-month campaign: idempotent per (campaign, household, day). */
export async function planCampaignDay(deps: CampaignDeps, input: { today: string; now: Date }): Promise<CampaignDayResult[]> {
  const results: CampaignDayResult[] = [];
  for (const campaign of await activePeakCampaigns(deps.db, input.today)) results.push(await planCampaign(deps, campaign, input));
  return results;
}

/**
 * One campaign's messages for `today` if it is one of its send days. The daily job and a
 * campaign started during the day (start-campaign.ts) both come here, so they agree on who
 * gets what, and the idempotency key keeps the second of them from sending again.
 */
export async function planCampaign(deps: CampaignDeps, campaign: PeakCampaign, input: { today: string; now: Date }): Promise<CampaignDayResult> {
  const result: CampaignDayResult = { campaignId: campaign.id, households: 0, queued: 0, optedOut: 0, undeliverable: 0 };
  if (!isSendDay(campaign, input.today)) return result;
  const drafts: OutboxDraft[] = [];
  const book = createRouteBook(deps.db, deps.reach, input.today);
  for (const [household, members] of await campaignHouseholds(deps.db, campaign, input.today)) {
    result.households++;
    const messageKey = campaignTemplate(members, input.today);
    const phoneRoutes = await book.phoneRoutes({ purpose: "campaign", messageKey, variables: CAMPAIGN_VARIABLES });
    const recipient = await householdRecipient(deps.db, members, { smsEnabled: deps.smsEnabled, reach: deps.reach, phoneRoutes });
    if (recipient.kind === "opted_out") result.optedOut++;
    else if (recipient.kind === "none") result.undeliverable++;
    else {
      // Names are opened and masked at send time (`namesOf`), as for reminders: the outbox row
      // holds none, and an SMS names at most two (joinNames).
      const vars = campaignVars(campaign, members);
      const zns = await book.zns({ purpose: "campaign", messageKey, vars, lateVariables: ["names"] });
      drafts.push({
        idempotencyKey: `campaign:${campaign.id}:${household}:${input.today}`,
        purpose: "campaign",
        templateKey: messageKey,
        ...recipientDraft(recipient, { vars, zns, namesOf: [...new Set(members.map((m) => m.personId))] }),
        notBefore: input.now,
        // A campaign message is for its day: held by quiet hours past midnight, it is dropped.
        expiresAt: zonedTime(addDays(input.today, 1), "00:00", deps.timezone),
      });
    }
  }
  result.queued = (await enqueue(deps.db, drafts, input.now)).inserted.length;
  return result;
}

export interface CampaignEstimate {
  households: number;
  sendDays: number;
  /** Upper bound: households renewing during the campaign drop out of later days. */
  messages: number;
  smsMessages: number;
  /** SMS parts the SMS messages take (what the gateway bills). */
  smsSegments: number;
  undeliverable: number;
}

/**
 * What a campaign will cost if nobody renews: shown before it starts (RapidPro does not).
 * With `now`, only the send days still ahead count: none before today, and not today once
 * the day's sending has closed (send-window.ts), so the preview promises no day that will
 * not be sent. Without it, every day from today on counts.
 */
export async function estimateCampaign(deps: CampaignDeps, campaign: PeakCampaign, today: string, now?: Date): Promise<CampaignEstimate> {
  const households = await campaignHouseholds(deps.db, campaign, today < campaign.startsOn ? campaign.startsOn : today);
  const open = now ? firstOpenDay(now, deps.timezone) : today;
  const days = sendDays(campaign, open > today ? open : today);
  const estimate: CampaignEstimate = { households: households.size, sendDays: days, messages: 0, smsMessages: 0, smsSegments: 0, undeliverable: 0 };
  const book = createRouteBook(deps.db, deps.reach, today);
  for (const members of households.values()) {
    const phoneRoutes = await book.phoneRoutes({ purpose: "campaign", messageKey: campaignTemplate(members, today), variables: CAMPAIGN_VARIABLES });
    const recipient = await householdRecipient(deps.db, members, { smsEnabled: deps.smsEnabled, reach: deps.reach, phoneRoutes });
    if (recipient.kind === "opted_out") continue;
    if (recipient.kind === "none") {
      estimate.undeliverable++;
      continue;
    }
    estimate.messages += days;
    if ((recipient.kind === "roster_phone" && recipient.via === "sms") || (recipient.kind === "identity" && recipient.channel === "sms")) {
      const names = joinNames(deps.t, deps.defaultLocale, "sms", members.map(() => "N*** Mẫu"));
      const text = deps.t(deps.defaultLocale, campaignTemplate(members, today), { ...campaignVars(campaign, members), names });
      estimate.smsMessages += days;
      estimate.smsSegments += days * fitSms(text, 2).segments;
    }
  }
  return estimate;
}

function campaignTemplate(members: { validTo: string }[], today: string): string {
  return members.some((m) => m.validTo < today) ? "campaign-expired" : "campaign-expiring";
}

/**
 * The message's variables but the names (filled at send time); `count` and `group` make
 * "gửi PHI 3 CN" price the people it names as they pay (see reminderMessage).
 */
function campaignVars(campaign: PeakCampaign, members: readonly { groupCode: string | null }[]): Record<string, string | number> {
  return { campaign: campaign.name, until: campaign.endsOn.split("-").reverse().join("/"), count: members.length, group: members[0]?.groupCode ?? "" };
}
