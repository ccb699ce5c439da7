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
    members: fee.perMember.map((m) =>
      t(locale, "fee-member-line", { index: m.index, ladder: m.ladderPercent, full: m.fullAmount, support: m.supportPercent, supportAmount: m.supportAmount, amount: m.amount }),
    ),
    total: t(locale, "fee-total", { total: fee.total }),
  };
}
