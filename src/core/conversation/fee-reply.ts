import type { Locale } from "../../config";
import { calculateRenewalFee, type RenewalFeeInput } from "../fees/calculate-renewal-fee";
import { feeLines } from "../fees/fee-text";
import { formatDate } from "../text/format-date";
import type { ConversationDeps } from "./conversation-deps";

/**
 * "/phi", "/phi 3", "/phi 4 GD 6", "PHI HS": members first, then a group, then months.
 * Anything else in the text is refused by the calculator with the figure shown back.
 */
export function readFeeRequest(rest: string): Omit<RenewalFeeInput, "on"> | { bad: string } {
  const request: Omit<RenewalFeeInput, "on"> = {};
  const numbers: number[] = [];
  for (const token of rest.split(/[\s,;]+/).filter(Boolean)) {
    if (/^\d{1,3}$/.test(token)) numbers.push(Number(token));
    else if (/^[a-zA-Z]{2}$/.test(token) && request.group === undefined) request.group = token.toUpperCase();
    else if (/^(nguoi|người|thang|tháng)$/i.test(token)) continue;
    else return { bad: token.slice(0, 20) };
  }
  if (numbers[0] !== undefined) request.members = numbers[0];
  if (numbers[1] !== undefined) request.months = numbers[1];
  return request;
}

/**
 * The fee in plain words, or the calculator's refusal in the user's language. `totalFirst`
 * (SMS) puts the total straight after the heading: a reply cut at its part limit then loses
 * member lines, never the amount asked for.
 */
export async function feeText(deps: ConversationDeps, locale: Locale, input: RenewalFeeInput, options: { totalFirst?: boolean } = {}): Promise<string> {
  const result = await calculateRenewalFee(deps.db, input);
  if (!result.ok) {
    const args = typeof result.args.date === "string" ? { ...result.args, date: formatDate(result.args.date, locale) } : result.args;
    return deps.t(locale, result.messageKey, args);
  }
  const text = feeLines(result, deps.t, locale);
  const members = text.members.map((l) => `• ${l}`);
  return (options.totalFirst ? [text.heading, text.total, ...members] : [text.heading, ...members, text.total]).join("\n");
}

/** PHI/phi as typed; by SMS the help names the command without a slash (a keypad has none handy). */
export async function feeCommand(deps: ConversationDeps, locale: Locale, today: string, rest: string, channel?: string): Promise<string> {
  const request = readFeeRequest(rest);
  if ("bad" in request) return deps.t(locale, channel === "sms" ? "fee-help-sms" : "fee-help", { text: request.bad });
  return feeText(deps, locale, { ...request, on: today }, { totalFirst: channel === "sms" });
}
