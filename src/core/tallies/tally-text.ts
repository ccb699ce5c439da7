import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import { formatDate } from "../text/format-date";
import { displayName } from "../units/unit-levels";
import type { TallyParsed, TallyRejection } from "./parse-tally";
import type { TallyVocabulary } from "./tally-vocabulary";

/**
 * What the officer reads back before anything is saved, one line per fact:
 * "20/11/2025 — Thôn Xuân Lập: GD 5, HS 2; Thôn Phú Vinh: HS 2", then one line per village
 * that still needs confirming. Shared by the CLI and the bot so both say exactly the same.
 */
export function describeTally(result: TallyParsed, vocabulary: TallyVocabulary, t: Translator, locale: Locale): string[] {
  const label = (unitId: number, fallback: string) => {
    const village = vocabulary.villages.find((v) => v.id === unitId);
    return village ? displayName(village) : fallback;
  };
  const sections: { unitId: number; unit: string; entries: string[] }[] = [];
  for (const entry of result.entries) {
    let section = sections.find((s) => s.unitId === entry.unitId);
    if (!section) sections.push((section = { unitId: entry.unitId, unit: label(entry.unitId, entry.unitName), entries: [] }));
    section.entries.push(t(locale, entry.kind === "renewal" ? "tally-summary-entry-renewal" : "tally-summary-entry", { group: entry.group, count: entry.count }));
  }
  const units = sections.map((s) => t(locale, "tally-summary-unit", { unit: s.unit, entries: s.entries.join(", ") })).join("; ");
  const lines = [t(locale, "tally-summary", { date: formatDate(result.date, locale), units })];
  for (const candidate of result.candidates ?? []) {
    const options = candidate.options.map((o) => label(o.unitId, o.unitName)).join(", ");
    lines.push(t(locale, "tally-confirm-unit", { text: candidate.text, options }));
  }
  return lines;
}

/** A refusal in the officer's language; dates in the arguments (YYYY-MM-DD) are shown the local way. */
export function describeTallyRejection(rejection: TallyRejection, t: Translator, locale: Locale): string {
  const args = Object.fromEntries(
    Object.entries(rejection.args).map(([k, v]) => [k, typeof v === "string" && ISO_DATE.test(v) ? formatDate(v, locale) : v]),
  );
  return t(locale, rejection.messageKey, args);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
