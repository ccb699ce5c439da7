import type { Locale } from "../../config";
import { communeRanking } from "../progress/commune-ranking";
import { coverageLine } from "../progress/coverage-text";
import { unitProgress } from "../progress/unit-progress";
import { undoLastReport } from "../tallies/undo-tally";
import { formatDate } from "../text/format-date";
import type { ConversationDeps } from "./conversation-deps";
import type { OfficerSession } from "./find-officer";
import { periodLine, progressLine, rankingSmsText, SMS_PROGRESS_PARTS } from "./progress-text";
import { progressBar, progressPicture } from "./progress-picture";
import type { InboundMessage, Reply } from "./types";
import { createLinkCode, LINK_TTL_HOURS } from "../officers/invites";
import { formatInviteCode } from "../officers/invite-codes";
import type { Channel } from "../../db/schema";
import { latestTargetYear } from "../targets/latest-target-year";

/** A unit without a target this year says so once, and names the latest year that has one. */
async function missingTargetNote(deps: ConversationDeps, locale: Locale, unitId: number, year: number): Promise<string> {
  const latest = await latestTargetYear(deps.db, unitId, year);
  return latest === null ? deps.t(locale, "conv-progress-no-plan", { year: String(year) }) : deps.t(locale, "conv-progress-latest-target", { year: String(year), latest: String(latest) });
}

/** /huy: takes back the officer's latest report (an undone correction restores the figures it replaced). */
export async function undoCommand(deps: ConversationDeps, officer: OfficerSession, locale: Locale, now: Date): Promise<Reply[]> {
  const result = await undoLastReport(deps.db, { officerId: officer.officerId, now });
  if (result.nothing) return [{ text: deps.t(locale, result.messageKey, result.args) }];
  const items = result.undone.map((e) => `${e.unitName} ${e.group} ${e.count}`).join(", ");
  const lines = [deps.t(locale, "conv-undone", { date: formatDate(result.undone[0]?.date ?? "", locale), items })];
  if (result.restored.length > 0) {
    lines.push(deps.t(locale, "conv-undo-restored", { items: result.restored.map((e) => `${e.unitName} ${e.group} ${e.count}`).join(", ") }));
  }
  return [{ text: lines.join("\n") }];
}

/**
 * /tiendo: a collector sees their villages; commune officers and viewers see the commune
 * with its villages, furthest from their target first, and which have not reported today.
 * By SMS the villages get one short line each, so all of them fit the reply's parts.
 */
export async function progressCommand(deps: ConversationDeps, officer: OfficerSession, locale: Locale, today: string, channel: Channel): Promise<Reply[]> {
  const year = Number(today.slice(0, 4));
  // SMS cannot carry a picture: do not spend the rendering on it.
  const wantsPicture = channel !== "sms";
  if (officer.role === "collector") {
    const lines: string[] = [];
    const bars = [];
    let untargeted: number | undefined;
    for (const unitId of officer.unitIds) {
      const p = await unitProgress(deps.db, { unitId, year, today });
      lines.push(progressLine(p, deps.t, locale), periodLine(p, deps.t, locale), coverageLine(p, deps.t, locale));
      bars.push(progressBar(p));
      if (p.target === null) untargeted ??= unitId;
    }
    if (lines.length === 0) return [{ text: deps.t(locale, "conv-no-villages") }];
    if (untargeted !== undefined) lines.push(await missingTargetNote(deps, locale, untargeted, year));
    const title = deps.t(locale, "chart-title", { unit: officer.commune.name, year: String(year) });
    const picture = wantsPicture ? await progressPicture(deps, locale, { title, bars }) : undefined;
    return [{ text: lines.join("\n") }, ...(picture ? [picture] : [])];
  }
  const ranking = await communeRanking(deps.db, { communeId: officer.commune.id, year, today });
  const note = ranking.commune.target === null ? await missingTargetNote(deps, locale, officer.commune.id, year) : undefined;
  if (channel === "sms") return [{ text: rankingSmsText(ranking, deps.t, locale, note), smsMaxParts: SMS_PROGRESS_PARTS }];
  const lines = [
    deps.t(locale, "conv-ranking-heading", { commune: ranking.commune.unit.displayName, year: String(year) }),
    progressLine(ranking.commune, deps.t, locale),
    coverageLine(ranking.commune, deps.t, locale),
    deps.t(locale, "conv-ranking-order"),
    ...ranking.villages.map((v) =>
      deps.t(locale, "conv-ranking-line", {
        rank: v.rank,
        line: progressLine(v.progress, deps.t, locale),
        silent: v.reportedToday ? "" : deps.t(locale, "conv-ranking-silent"),
      }).trimEnd(),
    ),
  ];
  if (note) lines.push(note);
  const title = deps.t(locale, "chart-title", { unit: ranking.commune.unit.displayName, year: String(year) });
  const bars = [...ranking.villages.map((v) => progressBar(v.progress)), progressBar(ranking.commune, true)];
  const picture = wantsPicture ? await progressPicture(deps, locale, { title, bars }) : undefined;
  return [{ text: lines.join("\n") }, ...(picture ? [picture] : [])];
}

/** /lienket: a one-time code to send by SMS from the officer's phone, so SMS reports count as theirs. */
export async function linkPhoneCommand(deps: ConversationDeps, officer: OfficerSession, locale: Locale, message: InboundMessage): Promise<Reply[]> {
  if (message.channel === "sms") return [{ text: deps.t(locale, "conv-link-already-sms") }];
  const { code } = await createLinkCode(deps.db, deps.protector, { officerId: officer.officerId, now: message.receivedAt });
  return [{ text: deps.t(locale, "conv-link-code", { code: formatInviteCode(code), hours: LINK_TTL_HOURS }) }];
}
