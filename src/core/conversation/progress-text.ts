import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import type { CommuneRanking, RankedVillage } from "../progress/commune-ranking";
import { coverageLine } from "../progress/coverage-text";
import { targetShare } from "../progress/target-share";
import type { UnitProgress } from "../progress/unit-progress";
import { countSegments, toGsm7 } from "../sms/segments";

/** "Thôn Xuân Thành: 446/846 người, đạt 52,7 % chỉ tiêu — còn thiếu 400 người", or reached, or no target yet. */
export function progressLine(p: UnitProgress, t: Translator, locale: Locale): string {
  const unit = p.unit.displayName;
  const target = p.target?.targetCount ?? null;
  const rate = targetShare(p);
  if (target === null || rate === null) return t(locale, "conv-progress-no-target", { unit, insured: p.insured });
  const gap = p.gapToTarget ?? 0;
  return gap > 0
    ? t(locale, "conv-progress-line", { unit, insured: p.insured, target, rate, gap })
    : t(locale, "conv-progress-reached", { unit, insured: p.insured, target, rate });
}

/** Today / this month / year to date, as reported through tallies. */
export function periodLine(p: UnitProgress, t: Translator, locale: Locale): string {
  return t(locale, "conv-progress-period", { today: p.reportedToday, month: p.reportedThisMonth, year: p.reportedYearToDate });
}

/** Parts a commune's progress may take by SMS (the officer asked for it, as for DANHSACH). */
export const SMS_PROGRESS_PARTS = 4;

/**
 * /tiendo by SMS for a commune: the commune's line, then one short line per village ("1. Xuân
 * Thắng: 85,7 %, thiếu 203"; the line above them says these are shares of the target and people
 * short), in the ranking's order (furthest from target first).
 * Measured as the phone will get it (unaccented GSM-7 once it is long) so the channel never cuts
 * it: the full coverage line is kept only if everything fits; if villages still do not, the
 * ones nearest their target give way to a count, never the furthest.
 */
export function rankingSmsText(ranking: CommuneRanking, t: Translator, locale: Locale, note?: string): string {
  const commune = ranking.commune;
  const head = [t(locale, "conv-ranking-heading", { commune: commune.unit.displayName, year: String(ranking.year) }), progressLine(commune, t, locale)];
  const shortCoverage = commune.rate !== null ? t(locale, "progress-coverage-rate", { rate: commune.rate }) : t(locale, "progress-coverage-count", { insured: commune.insured });
  const villages = ranking.villages.map((v) => compactVillageLine(v, t, locale));
  const tail = note ? [note] : [];
  const order = t(locale, "conv-ranking-order-sms");
  const text = (coverage: string, shown: string[]) => [...head, coverage, order, ...shown, ...tail].join("\n");
  const full = text(coverageLine(commune, t, locale), villages);
  if (fitsSms(full)) return full;
  for (let shown = villages.length; shown > 0; shown--) {
    const cut = shown === villages.length ? [] : [t(locale, "conv-ranking-more-sms", { count: villages.length - shown })];
    const candidate = text(shortCoverage, [...villages.slice(0, shown), ...cut]);
    if (fitsSms(candidate)) return candidate;
  }
  return text(shortCoverage, villages.slice(0, 1));
}

function compactVillageLine(v: RankedVillage, t: Translator, locale: Locale): string {
  const args = { rank: v.rank, unit: v.progress.unit.name, silent: v.reportedToday ? "" : t(locale, "conv-ranking-silent-sms") };
  const gap = v.progress.gapToTarget ?? 0;
  const line =
    v.targetShare === null
      ? t(locale, "conv-ranking-line-sms-no-target", { ...args, insured: v.progress.insured })
      : gap > 0
        ? t(locale, "conv-ranking-line-sms", { ...args, rate: v.targetShare, gap })
        : t(locale, "conv-ranking-line-sms-reached", { ...args, rate: v.targetShare });
  return line.trimEnd();
}

/** Whether the reply stays whole within the parts: GSM-7 is how a long reply travels. */
const fitsSms = (text: string) => countSegments(toGsm7(text)).segments <= SMS_PROGRESS_PARTS;
