import type { Locale } from "../../config";
import type { Translator } from "../../i18n/translate";
import { formatDate } from "../text/format-date";
import type { RenewalFee } from "./compute-fee";

/** The fee as people read it, one line per member then the total; shared by the CLI and /phi. */
export function feeLines(fee: RenewalFee, t: Translator, locale: Locale): { heading: string; members: string[]; total: string } {
  const group = `${fee.groupName[locale]} (${fee.group})`;
  const heading = t(locale, "fee-heading", { group, months: fee.months, date: formatDate(fee.on, locale), base: fee.baseSalary, rate: fee.ratePercent });
  const latest = fee.baseSalaryLatestKnown ? t(locale, "fee-base-salary-latest-known", { base: fee.baseSalary, from: formatDate(fee.baseSalaryFrom, locale), instrument: fee.sources.baseSalary }) : null;
  // Say why the support is above the national share: the person's commune has a status that raises it.
  const commune = fee.commune?.status
    ? t(locale, "fee-commune-support", { commune: fee.commune.name, status: t(locale, `fee-commune-status-${fee.commune.status}`), percent: fee.stateSupportPercent })
    : null;
  return {
    heading: [latest, heading, commune].filter((line) => line !== null).join("\n"),
    members: sameShareRuns(fee.perMember).map((run) => {
      const m = run[0]!;
      const share = { ladder: m.ladderPercent, full: m.fullAmount, support: m.supportPercent, supportAmount: m.supportAmount, amount: m.amount };
      if (run.length === 1) return t(locale, "fee-member-line", { index: m.index, ...share });
      return t(locale, "fee-members-line", { from: m.index, to: run.at(-1)!.index, kind: run.length === 2 ? "pair" : "range", ...share });
    }),
    total: t(locale, "fee-total", { total: fee.total }),
  };
}

type MemberShare = RenewalFee["perMember"][number];

/**
 * Members from the fifth on all pay 40 %: one line "the 5th to the 8th, each …" ("the 5th and
 * the 6th" for two) instead of a line each, so a large household's fee still fits an SMS with
 * its total and its anti-scam line (PHI accepts 20).
 */
function sameShareRuns(members: readonly MemberShare[]): MemberShare[][] {
  const runs: MemberShare[][] = [];
  for (const m of members) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.ladderPercent === m.ladderPercent && last.supportPercent === m.supportPercent && last.amount === m.amount && last.index === m.index - 1) run.push(m);
    else runs.push([m]);
  }
  return runs;
}
