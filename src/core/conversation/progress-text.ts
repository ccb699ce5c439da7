import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import type { UnitProgress } from "../progress/unit-progress";

/** "Thôn Xuân Thành: 446/846 (52,7 %) — còn thiếu 400 người", or reached, or no target yet. */
export function progressLine(p: UnitProgress, t: Translator, locale: Locale): string {
  const unit = p.unit.displayName;
  const target = p.target?.targetCount ?? null;
  if (target === null) return t(locale, "conv-progress-no-target", { unit, insured: p.insured });
  const rate = target > 0 ? Math.round((p.insured / target) * 1000) / 10 : 100;
  const gap = p.gapToTarget ?? 0;
  return gap > 0
    ? t(locale, "conv-progress-line", { unit, insured: p.insured, target, rate, gap })
    : t(locale, "conv-progress-reached", { unit, insured: p.insured, target, rate });
}

/** Today / this month / year to date, as reported through tallies. */
export function periodLine(p: UnitProgress, t: Translator, locale: Locale): string {
  return t(locale, "conv-progress-period", { today: p.reportedToday, month: p.reportedThisMonth, year: p.reportedYearToDate });
}
