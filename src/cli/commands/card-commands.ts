import { loadCardCodeVocabulary } from "../../core/cards/card-code-vocabulary";
import { describeBenefit, loadBenefitReference } from "../../core/cards/describe-benefit";
import { lookupGroupBenefit } from "../../core/cards/group-benefit";
import { parseCardCode } from "../../core/cards/parse-card-code";
import { formatDate } from "../../core/text/format-date";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { readOnOption } from "../date-option";

/** Reads a card code exactly as the bot will; saves nothing. */
export const cardParseCommand: Command = {
  words: ["card", "parse"],
  usage: "<mã thẻ>",
  helpKey: "cli-help-card-parse",
  async run(ctx, io, args) {
    // A code typed with spaces and no quotes arrives as several words.
    const input = args.positionals.join(" ");
    if (!input.trim()) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<mã thẻ>" }));
    const result = parseCardCode(input, await loadCardCodeVocabulary(ctx.db()));
    if (!result.ok) return fail(io, result.code, io.t(io.locale, result.messageKey, result.args));
    const { ok: _ok, ...fields } = result;
    const summary =
      result.format === "legacy15"
        ? io.t(io.locale, "card-parsed-legacy15", { group: result.group!, level: result.benefitLevel!, province: result.provinceCode!, number: result.bhxhNumber! })
        : io.t(io.locale, `card-parsed-${result.format}`, { number: result.bhxhNumber ?? result.personalId! });
    return succeed(io, fields, summary);
  },
};

/** A group's benefit level and share on a date, with what it means in plain language. */
export const cardBenefitCommand: Command = {
  words: ["card", "benefit"],
  usage: "--group <mã nhóm> [--on YYYY-MM-DD]",
  helpKey: "cli-help-card-benefit",
  options: { group: { type: "string" }, on: { type: "string" } },
  async run(ctx, io, args) {
    const { group } = args.values;
    if (typeof group !== "string" || !group.trim()) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "--group" }));
    const on = readOnOption(args.values.on, ctx.config.timezone);
    if (!on) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--on ${String(args.values.on)} (YYYY-MM-DD)` }));
    const db = ctx.db();
    const result = await lookupGroupBenefit(db, group, on);
    if (!result.ok) {
      const shown = typeof result.args.date === "string" ? { ...result.args, date: formatDate(result.args.date, io.locale) } : result.args;
      return fail(io, result.code, io.t(io.locale, result.messageKey, shown));
    }
    io.say(io.t(io.locale, "benefit-summary", { group: result.group, level: result.level, percent: result.percent, date: formatDate(on, io.locale) }));
    const description = describeBenefit(result.level, on, await loadBenefitReference(db), result.transport);
    for (const line of description?.lines ?? []) io.say(`  - ${io.t(io.locale, line.key, line.args)}`);
    return succeed(io, { group: result.group, level: result.level, percent: result.percent, transport: result.transport });
  },
};
