import { calculateRenewalFee, MAX_MEMBERS } from "../../core/fees/calculate-renewal-fee";
import { formatDate } from "../../core/text/format-date";
import { resolveUnit } from "../../core/units/resolve-unit";
import { feeLines } from "../../core/fees/fee-text";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { readOnOption } from "../date-option";

/** A whole number as typed, or NaN (which the calculator refuses with the text shown back and the periods allowed). */
const wholeNumber = (value: string | boolean | undefined) => (typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN);

/**
 * The renewal fee, computed by the same function as the bot's /phi. `--commune` applies the
 * commune's status on the date (poor commune, ethnic-minority area) as the bot's card look-up
 * does with the card's commune.
 */
export const feeCommand: Command = {
  words: ["fee"],
  usage: "[--members N] [--group GD|HS|SV|CN|GB] [--months 3|6|12 (HS: 9, 13–15)] [--on YYYY-MM-DD] [--province <mã tỉnh>] [--commune <tên|mã xã>]",
  helpKey: "cli-help-fee",
  options: { members: { type: "string" }, group: { type: "string" }, months: { type: "string" }, on: { type: "string" }, province: { type: "string" }, commune: { type: "string" } },
  async run(ctx, io, args) {
    const { members, months, group, province, commune } = args.values;
    const on = readOnOption(args.values.on, ctx.config.timezone);
    if (!on) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--on ${String(args.values.on)} (YYYY-MM-DD)` }));
    if (members !== undefined && Number.isNaN(wholeNumber(members))) return fail(io, "bad_members", io.t(io.locale, "fee-bad-members", { members: String(members), max: MAX_MEMBERS }));
    if (commune !== undefined && (typeof commune !== "string" || !commune.trim())) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "--commune" }));
    const db = ctx.db();
    // An unknown or ambiguous name is refused by resolveUnit with the candidates listed.
    const communeId = typeof commune === "string" ? (await resolveUnit(db, commune, { level: "commune" })).id : undefined;
    const result = await calculateRenewalFee(db, {
      on,
      members: members === undefined ? undefined : wholeNumber(members),
      months: months === undefined ? undefined : wholeNumber(months),
      group: typeof group === "string" ? group : undefined,
      provinceCode: typeof province === "string" ? province : undefined,
      communeId,
    });
    if (!result.ok) {
      const shown = typeof result.args.date === "string" ? { ...result.args, date: formatDate(result.args.date, io.locale) } : result.args;
      return fail(io, result.code, io.t(io.locale, result.messageKey, shown));
    }
    const text = feeLines(result, io.t, io.locale);
    io.say(text.heading);
    for (const line of text.members) io.say(`  ${line}`);
    const { ok: _ok, ...body } = result;
    return succeed(io, body, text.total);
  },
};
