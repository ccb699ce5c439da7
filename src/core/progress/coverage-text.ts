import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import type { UnitProgress } from "./unit-progress";

/**
 * The line that says what the count is, under the progress line's share of the target:
 * "Bao phủ 49,28 % dân số = đầu kỳ 430 + mới 15 − hết hạn 3 (thực tăng 12); gia hạn 4 người
 * tính riêng." Short enough for a tally confirmation to stay within two SMS parts.
 *
 * Coverage is insured / population, where insured = baseline + new participants − lapsed.
 * New participants come from tallies, lapses from the card roster (lapsed-cards.ts); renewals
 * are people who already had a card, so they are named apart and never added. Where lapses
 * cannot be subtracted (no baseline, no roster) the line says so rather than letting the figure
 * pass for a net one.
 */
export function coverageLine(p: UnitProgress, t: Translator, locale: Locale): string {
  // rate is insured / population: null without a population.
  const coverage = p.rate !== null ? t(locale, "progress-coverage-rate", { rate: p.rate }) : t(locale, "progress-coverage-count", { insured: p.insured });
  const notes: string[] = [];
  let sum: string;
  if (!p.baseline) {
    sum = t(locale, "progress-sum-new-only", { added: p.reportedSinceBaseline });
    notes.push(t(locale, "progress-lapse-no-baseline"));
  } else if (!p.hasRoster) {
    sum = t(locale, "progress-sum-baseline", { baseline: p.baseline.insuredCount, added: p.reportedSinceBaseline });
    notes.push(t(locale, "progress-lapse-no-roster"));
  } else {
    const net = p.reportedSinceBaseline - p.lapsedSinceBaseline;
    sum = t(locale, "progress-sum-net", {
      baseline: p.baseline.insuredCount,
      added: p.reportedSinceBaseline,
      lapsed: p.lapsedSinceBaseline,
      net: Math.abs(net),
      direction: net < 0 ? "down" : "up",
    });
  }
  if (p.renewalsYearToDate !== null) notes.push(t(locale, "progress-renewals", { renewals: p.renewalsYearToDate }));
  return `${coverage} = ${[sum, ...notes].join("; ")}.`;
}
