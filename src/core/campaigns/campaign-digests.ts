import { negotiateLocale } from "../../i18n/translate";
import { progressLine } from "../conversation/progress-text";
import { officerRecipients } from "../nudges/officer-recipients";
import type { PlannedMessage } from "../nudges/officer-nudges";
import { enqueue } from "../outbox/enqueue";
import { communeRanking } from "../progress/commune-ranking";
import { doorToDoorList } from "../residents/door-to-door";
import { formatDate } from "../text/format-date";
import { addDays } from "../time/day-math";
import { zonedTime } from "../time/zoned-time";
import { activePeakCampaigns } from "./campaign-store";
import type { CampaignDeps } from "./plan-campaign";

/**
 * During a peak outreach month, every morning: commune officers get their commune's progress
 * and the village ranking; collectors get how many households are on their door-to-door list
 * today (the file itself with /danhsach, since a file cannot wait in the outbox).
 */
export async function planCampaignDigests(deps: CampaignDeps, input: { today: string; now: Date }): Promise<{ enqueued: number }> {
  const active = await activePeakCampaigns(deps.db, input.today);
  if (active.length === 0) return { enqueued: 0 };
  const inScope = (communeId: number) => active.some((c) => c.communeIds.length === 0 || c.communeIds.includes(communeId));
  const name = active[0]!.name;
  const year = Number(input.today.slice(0, 4));
  const expiresAt = zonedTime(addDays(input.today, 1), "00:00", deps.timezone);
  const drafts: PlannedMessage[] = [];
  for (const o of (await officerRecipients(deps.db, "commune")).filter((r) => inScope(r.communeId))) {
    const locale = negotiateLocale(o.locale, deps.defaultLocale);
    const ranking = await communeRanking(deps.db, { communeId: o.communeId, year, today: input.today });
    const lines = [
      deps.t(locale, "campaign-digest-heading", { campaign: name, date: formatDate(input.today, locale) }),
      progressLine(ranking.commune, deps.t, locale),
      // The order is furthest from the target first: said, so "1." is not read as the best village.
      deps.t(locale, "conv-ranking-order"),
      ...ranking.villages.map((v) => `${v.rank}. ${progressLine(v.progress, deps.t, locale)}`),
    ];
    drafts.push(digest(`campaign-digest:${o.officerId}:${o.identityId}:${input.today}`, o, lines.join("\n"), input.now, expiresAt));
  }
  for (const c of (await officerRecipients(deps.db, "collector")).filter((r) => inScope(r.communeId))) {
    const locale = negotiateLocale(c.locale, deps.defaultLocale);
    const list = await doorToDoorList(deps.db, deps.protector, { unitIds: c.unitIds, today: input.today });
    const people = list.reduce((n, h) => n + h.members.length, 0);
    const text = deps.t(locale, c.channel === "sms" ? "campaign-digest-collector-sms" : "campaign-digest-collector", { campaign: name, households: list.length, people });
    drafts.push(digest(`campaign-d2d:${c.officerId}:${c.identityId}:${input.today}`, c, text, input.now, expiresAt));
  }
  return { enqueued: (await enqueue(deps.db, drafts, input.now)).inserted.length };
}

function digest(key: string, r: { contactId: number; identityId: number; channel: PlannedMessage["channel"] }, text: string, now: Date, expiresAt: Date): PlannedMessage {
  return { idempotencyKey: key, contactId: r.contactId, identityId: r.identityId, channel: r.channel, purpose: "officer_digest", templateKey: "campaign-digest", payload: { text }, notBefore: now, expiresAt };
}
