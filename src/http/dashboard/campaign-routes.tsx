/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { unitInScope } from "../../core/auth/admin-accounts";
import { campaignOutboxStats, campaignUnitProgress, campaignUpTo } from "../../core/campaigns/campaign-progress";
import { CAMPAIGN_AUDIENCES, checkCampaignInput, listPeakCampaigns, type CampaignAudience, type PeakCampaign } from "../../core/campaigns/campaign-store";
import { estimateCampaign, type CampaignDeps } from "../../core/campaigns/plan-campaign";
import { startPeakCampaign } from "../../core/campaigns/start-campaign";
import { parseDate } from "../../core/imports/values";
import { reachOf } from "../../core/outbox/routes";
import { communeRanking } from "../../core/progress/commune-ranking";
import { rootUnits } from "../../core/reports/unit-overview";
import { displayName } from "../../core/units/unit-levels";
import { unitsByIds, unitsInScope } from "../../core/units/units-in-scope";
import { AppError } from "../../errors";
import { auditAdmin } from "./admin-audit";
import { field, fields } from "./form-fields";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { todayFor } from "./unit-access";
import { CampaignPage } from "./views/campaign-page";
import { CampaignsPage, type CampaignDraftForm } from "./views/campaigns-page";
import { MessagePage } from "./views/message-page";

/**
 * A campaign concerns an account when it runs everywhere or in at least one commune of the
 * account's subtree; the figures shown are then cut to that subtree.
 */
async function visibleCampaigns(deps: DashboardDeps, scope: number | null): Promise<PeakCampaign[]> {
  const all = await listPeakCampaigns(deps.db);
  if (scope === null) return all;
  const visible: PeakCampaign[] = [];
  for (const k of all) {
    if (k.communeIds.length === 0) visible.push(k);
    else for (const id of k.communeIds) if (await unitInScope(deps.db, { id }, scope)) { visible.push(k); break; }
  }
  return visible;
}

// `reach` as the daily job has it (src/entry/shard-daily.ts): a campaign's first day, planned
// here, must take the same channels as its later days, and the estimate must count them.
const campaignDeps = (deps: DashboardDeps): CampaignDeps | undefined =>
  deps.protector ? { db: deps.db, protector: deps.protector, t: deps.t, defaultLocale: deps.config.defaultLocale, timezone: deps.config.timezone, smsEnabled: deps.config.sms !== undefined, reach: reachOf(deps.config) } : undefined;

/** GET /campaigns (list + create form), POST /campaigns (preview, then create), GET /campaigns/:id. */
export function registerCampaignRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const listPage = async (c: Context<DashboardEnv>, form: CampaignDraftForm, extra: { estimate?: Parameters<typeof CampaignsPage>[0]["estimate"]; error?: string } = {}, status: 200 | 400 = 200) => {
    const today = todayFor(deps);
    const scope = c.var.account!.scopeUnitId;
    const [campaigns, communes] = await Promise.all([visibleCampaigns(deps, scope), unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today })]);
    // Names of communes outside the picker (another scope's, or historical) still show in the list.
    const known = new Set(communes.map((u) => u.id));
    const missing = [...new Set(campaigns.flatMap((k) => k.communeIds))].filter((id) => !known.has(id));
    const others = await unitsByIds(deps.db, missing);
    return c.html(<CampaignsPage c={c} campaigns={campaigns} communes={[...communes, ...others]} today={today} form={form} {...extra} />, status);
  };

  dash.get("/campaigns", requireAccount(), (c) => {
    const today = todayFor(deps);
    return listPage(c, { name: "", from: today, to: today, communeIds: [], audience: [...CAMPAIGN_AUDIENCES], maxPerWeek: "2" });
  });

  dash.post("/campaigns", requireAccount(), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const form: CampaignDraftForm = {
      name: field(body, "name", 80),
      from: field(body, "from", 10),
      to: field(body, "to", 10),
      communeIds: fields(body, "communes").map(Number).filter((n) => Number.isInteger(n) && n > 0),
      audience: fields(body, "audience").filter((a) => (CAMPAIGN_AUDIENCES as readonly string[]).includes(a)),
      maxPerWeek: field(body, "maxPerWeek", 2),
    };
    const bad = (key: string, args?: Record<string, string | number>) => listPage(c, form, { error: c.var.tr(key, args) }, 400);
    const from = parseDate(form.from);
    const to = parseDate(form.to);
    if (!from.ok || !to.ok) return bad("dash-campaign-bad-dates");
    const scope = c.var.account!.scopeUnitId;
    // A scoped account cannot start a campaign that writes to the whole country.
    if (scope !== null && form.communeIds.length === 0) return bad("dash-campaign-communes-required");
    const inScope = await unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today: todayFor(deps) });
    if (form.communeIds.some((id) => !inScope.some((u) => u.id === id))) return bad("dashboard-forbidden");
    const cdeps = campaignDeps(deps);
    if (!cdeps) return bad("dash-not-available");
    const draft = { name: form.name, startsOn: from.value, endsOn: to.value, communeIds: form.communeIds, audience: form.audience as CampaignAudience[], maxPerWeek: Number(form.maxPerWeek), now: deps.now?.() ?? new Date() };
    try {
      if (field(body, "step") !== "create") {
        checkCampaignInput(draft);
        const estimate = await estimateCampaign(cdeps, { id: 0, ...draft }, todayFor(deps), draft.now);
        return listPage(c, form, { estimate });
      }
      // Running today, it sends today although the morning job has already run (start-campaign.ts).
      const started = await startPeakCampaign(cdeps, draft);
      const { campaign } = started;
      if (started.error) deps.logger.error("campaign.first_day_failed", { campaignId: campaign.id, err: started.error });
      const estimate = await estimateCampaign(cdeps, campaign, todayFor(deps), draft.now);
      await auditAdmin(deps.db, c, draft.now, { action: "campaign.created", subjectKind: "campaign", subjectId: campaign.id, details: { ...estimate, queuedToday: started.today?.queued ?? 0 } });
      return c.redirect(`/campaigns/${campaign.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return bad(err.messageKey, err.args);
    }
  });

  dash.get("/campaigns/:id", requireAccount(), async (c) => {
    const scope = c.var.account!.scopeUnitId;
    const campaign = (await visibleCampaigns(deps, scope)).find((k) => String(k.id) === c.req.param("id"));
    if (!campaign) return c.html(<MessagePage c={c} title={c.var.tr("dashboard-not-found")} />, 404);
    const today = todayFor(deps);
    let subjects = campaign.communeIds.length === 0 ? await rootUnits(deps.db, scope) : await unitsByIds(deps.db, campaign.communeIds);
    if (scope !== null && campaign.communeIds.length > 0) {
      const kept = [];
      for (const u of subjects) if (await unitInScope(deps.db, u, scope)) kept.push(u);
      subjects = kept;
    }
    subjects.sort((a, b) => a.code.localeCompare(b.code));
    const upTo = campaignUpTo(campaign, today);
    const [units, stats] = await Promise.all([
      Promise.all(subjects.map((u) => campaignUnitProgress(deps.db, { unitId: u.id, campaign, today }))),
      campaignOutboxStats(deps.db, { campaignId: campaign.id, scopeUnitId: scope }),
    ]);
    const rankings = await Promise.all(subjects.filter((u) => u.level === "commune").map((u) => communeRanking(deps.db, { communeId: u.id, year: Number(upTo.slice(0, 4)), today: upTo })));
    return c.html(<CampaignPage c={c} campaign={campaign} units={units} rankings={rankings} stats={stats} scopeNames={subjects.map(displayName).join(", ")} />);
  });
}
