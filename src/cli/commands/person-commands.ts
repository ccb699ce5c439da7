import { exportSubject, findSubject, forgetSubject, planErasure, type ErasurePlan } from "../../core/privacy/data-subject";
import type { Command } from "../command";
import type { CliIo } from "../cli-io";
import { fail, succeed } from "../cli-io";

const CLI_ACTOR = { kind: "cli", id: "cli" } as const;

async function subject(io: CliIo, ctx: Parameters<Command["run"]>[0], reference: string): Promise<{ exit: number } | { personId: number }> {
  const found = await findSubject(ctx.db(), await ctx.protector(), reference);
  if (!found.ok) return { exit: fail(io, found.code, io.t(io.locale, `cli-person-${found.code.replace("_", "-")}`)) };
  return { personId: found.personId };
}

function planText(io: CliIo, plan: ErasurePlan): string {
  return io.t(io.locale, "cli-person-plan", {
    person: plan.person, card: plan.card, contacts: plan.contacts, identities: plan.channelIdentities, consents: plan.consents,
    outbox: plan.outboxMessages, reminders: plan.reminderPlans,
  });
}

/** `bhyt person export`: everything held about one person, decrypted (a data-subject access request). Audited. */
export const personExportCommand: Command = {
  words: ["person", "export"],
  usage: "<mã BHXH|CCCD|mã thẻ|id>",
  helpKey: "cli-help-person-export",
  async run(ctx, io, args) {
    const found = await subject(io, ctx, args.positionals.join(" "));
    if ("exit" in found) return found.exit;
    const data = await exportSubject(ctx.db(), await ctx.protector(), found.personId, CLI_ACTOR, new Date());
    if (!io.json) io.say(JSON.stringify(data, null, 2));
    return succeed(io, { ...data });
  },
};

/** `bhyt person forget`: erases one person's personal data; without --yes only says what would go. */
export const personForgetCommand: Command = {
  words: ["person", "forget"],
  usage: "<mã BHXH|CCCD|mã thẻ|id> [--yes]",
  helpKey: "cli-help-person-forget",
  options: { yes: { type: "boolean" } },
  async run(ctx, io, args) {
    const found = await subject(io, ctx, args.positionals.join(" "));
    if ("exit" in found) return found.exit;
    if (args.values.yes !== true) {
      const plan = await planErasure(ctx.db(), found.personId);
      return fail(io, "confirmation_required", `${planText(io, plan)} ${io.t(io.locale, "cli-person-confirm")}`, { wouldErase: plan });
    }
    const erased = await forgetSubject(ctx.db(), found.personId, CLI_ACTOR, new Date());
    return succeed(io, { erased }, `${io.t(io.locale, "cli-person-forgotten", { id: found.personId })} ${planText(io, erased)}`);
  },
};
