import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import type { UnitProgress } from "./unit-progress";

/**
 * The line that says what the count is, under the progress line's share of the target:
 * "Bao phủ 49,28 % dân số = đầu kỳ 430 + mới 15; chưa trừ thẻ hết hạn; gia hạn 4 người tính
 * riêng." Short enough for a tally confirmation to stay within two SMS parts.
 *
 * Coverage is insured / population, where insured = baseline + new participants − lapsed.
 * Renewals are people who already had a card, so they are named apart and never added; lapsed
 * cards are not reported through tallies, so the line says they are not subtracted rather than
 * letting the figure pass for a net one.
 */
export function coverageLine(p: UnitProgress, t: Translator, locale: Locale): string {
  // rate is insured / population: null without a population.
  const coverage = p.rate !== null ? t(locale, "progress-coverage-rate", { rate: p.rate }) : t(locale, "progress-coverage-count", { insured: p.insured });
  const sum = p.baseline
    ? t(locale, "progress-sum-baseline", { baseline: p.baseline.insuredCount, added: p.reportedSinceBaseline })
    : t(locale, "progress-sum-new-only", { added: p.reportedSinceBaseline });
  const rule =
    p.renewalsYearToDate !== null
      ? t(locale, "progress-rule-renewals", { renewals: p.renewalsYearToDate })
      : t(locale, "progress-rule");
  return `${coverage} = ${sum}; ${rule}`;
}
