import { readCardIdentifier } from "../../core/residents/card-identifier";
import { assessCard } from "../../core/residents/card-assessment";
import { findCandidates, verifyCard } from "../../core/residents/find-card";
import { auditLookup } from "../../core/residents/lookup-guard";
import { readDob } from "../../core/residents/date-of-birth";
import { formatDate } from "../../core/text/format-date";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { readOnOption } from "../date-option";

/**
 * `bhyt card status`: the bot's look-up for officers at a desk. Same second factor, same
 * answer for an unknown card and a wrong date of birth (`not_verified`), audited too.
 */
export const cardStatusCommand: Command = {
  words: ["card", "status"],
  usage: "<mã thẻ|mã BHXH|CCCD> --dob YYYY-MM-DD [--on YYYY-MM-DD]",
  helpKey: "cli-help-card-status",
  options: { dob: { type: "string" }, on: { type: "string" } },
  async run(ctx, io, args) {
    const raw = args.positionals.join(" ");
    const identifier = readCardIdentifier(raw);
    if (!identifier) return fail(io, "bad_identifier", io.t(io.locale, "resident-bad-identifier", { text: raw.slice(0, 20) }));
    const dob = typeof args.values.dob === "string" ? readDob(args.values.dob) : undefined;
    if (!dob) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--dob ${String(args.values.dob ?? "")} (YYYY-MM-DD)` }));
    const today = readOnOption(args.values.on, ctx.config.timezone);
    if (!today) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--on ${String(args.values.on)} (YYYY-MM-DD)` }));
    const db = ctx.db();
    const protector = await ctx.protector();
    const card = await verifyCard(db, protector, await findCandidates(db, protector, identifier), dob);
    await auditLookup(db, { channel: "cli", key: "cli" }, { cardId: card?.cardId, via: `cli:${identifier.kind}` }, new Date(), "cli");
    if (!card) return fail(io, "not_verified", io.t(io.locale, "resident-not-verified"));
    // The bot's own assessment: effective benefit, waiting period, who renews.
    const a = await assessCard(db, card, today);
    const summary = io.t(io.locale, "cli-card-status", {
      status: io.t(io.locale, `cli-card-status-${a.status}`),
      to: card.validTo ? formatDate(card.validTo, io.locale) : "—",
      level: a.benefit?.level ?? "—",
      percent: a.benefit?.percent ?? "—",
    });
    return succeed(
      io,
      { status: a.status, validFrom: card.validFrom, validTo: card.validTo, daysLeft: a.daysLeft, startsOn: a.startsOn, benefitLevel: a.benefit?.level ?? null, benefitPercent: a.benefit?.percent ?? null, printedLevel: card.benefitLevel, groupCode: card.groupCode, payer: a.who.payer },
      summary,
    );
  },
};
