import { reachOf } from "../../core/outbox/routes";
import { CAMPAIGN_AUDIENCES, listPeakCampaigns, type CampaignAudience, type PeakCampaign } from "../../core/campaigns/campaign-store";
import { estimateCampaign } from "../../core/campaigns/plan-campaign";
import { startPeakCampaign } from "../../core/campaigns/start-campaign";
import { resolveUnit } from "../../core/units/resolve-unit";
import { AppError } from "../../errors";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { readOnOption } from "../date-option";

/**
 * `bhyt campaign create`: a peak outreach month. Always prints the estimate (messages, SMS,
 * SMS parts) first; `--dry-run` stops there, so the cost is known before anything is stored.
 */
export const campaignCreateCommand: Command = {
  words: ["campaign", "create"],
  usage: "--name <tên> --from YYYY-MM-DD --to YYYY-MM-DD [--commune <tên|mã>]… [--audience expired,expiring,not_in_roster] [--max-per-week 2] [--dry-run]",
  helpKey: "cli-help-campaign-create",
  options: {
    name: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    commune: { type: "string", multiple: true },
    audience: { type: "string" },
    "max-per-week": { type: "string" },
    "dry-run": { type: "boolean" },
  },
  async run(ctx, io, args) {
    const from = readOnOption(args.values.from ?? "", ctx.config.timezone);
    const to = readOnOption(args.values.to ?? "", ctx.config.timezone);
    if (!from || !to) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: "--from/--to (YYYY-MM-DD)" }));
    const audience = String(args.values.audience ?? "expired,expiring").split(",").map((a) => a.trim());
    if (audience.some((a) => !(CAMPAIGN_AUDIENCES as readonly string[]).includes(a))) throw new AppError("bad_request", "campaign-bad-audience", { audiences: CAMPAIGN_AUDIENCES.join(", ") });
    const db = ctx.db();
    const communes = (args.values.commune as unknown as string[] | undefined) ?? [];
    const communeIds = [];
    for (const c of communes) communeIds.push((await resolveUnit(db, c, { level: "commune" })).id);
    const maxPerWeek = Number(args.values["max-per-week"] ?? 2);
    const draft = { name: String(args.values.name ?? ""), startsOn: from, endsOn: to, communeIds, audience: audience as CampaignAudience[], maxPerWeek, now: new Date() };
    const deps = { db, protector: await ctx.protector(), t: ctx.t, defaultLocale: ctx.config.defaultLocale, timezone: ctx.config.timezone, smsEnabled: ctx.config.sms !== undefined, reach: reachOf(ctx.config) };
    const today = readOnOption(undefined, ctx.config.timezone)!;
    const preview: PeakCampaign = { id: 0, ...draft };
    const estimate = await estimateCampaign(deps, preview, today, draft.now);
    const summary = io.t(io.locale, "cli-campaign-estimate", { households: estimate.households, days: estimate.sendDays, messages: estimate.messages, sms: estimate.smsMessages, segments: estimate.smsSegments, undeliverable: estimate.undeliverable });
    if (args.values["dry-run"] === true) return succeed(io, { estimate }, summary);
    // As on the dashboard: a campaign starting today while today's sending is open sends today.
    // A failure to plan today is said, not thrown: the campaign is stored, and a retry would store it twice.
    const { campaign, error } = await startPeakCampaign(deps, draft);
    io.say(summary);
    if (error) io.say(io.t(io.locale, "cli-campaign-first-day-failed", { error: error instanceof Error ? error.message : String(error) }));
    return succeed(io, { campaign, estimate }, io.t(io.locale, "cli-campaign-created", { id: campaign.id, name: campaign.name, from: campaign.startsOn, to: campaign.endsOn }));
  },
};

export const campaignListCommand: Command = {
  words: ["campaign", "list"],
  usage: "",
  helpKey: "cli-help-campaign-list",
  options: {},
  async run(ctx, io) {
    const campaigns = await listPeakCampaigns(ctx.db());
    const lines = campaigns.map((c) => io.t(io.locale, "cli-campaign-line", { id: c.id, name: c.name, from: c.startsOn, to: c.endsOn, cap: c.maxPerWeek, audience: c.audience.join(", ") }));
    return succeed(io, { campaigns }, lines.join("\n"));
  },
};
