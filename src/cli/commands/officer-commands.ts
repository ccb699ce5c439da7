import { OFFICER_ROLES, type OfficerRole } from "../../db/schema";
import { AppError } from "../../errors";
import { createInvite } from "../../core/officers/invites";
import { formatInviteCode } from "../../core/officers/invite-codes";
import { formatDate } from "../../core/text/format-date";
import { resolveUnit } from "../../core/units/resolve-unit";
import type { Command } from "../command";
import { succeed } from "../cli-io";

function roleOption(value: unknown): OfficerRole {
  if ((OFFICER_ROLES as readonly unknown[]).includes(value)) return value as OfficerRole;
  throw new AppError("bad_request", "cli-bad-option", { detail: `--role ${String(value ?? "")} (${OFFICER_ROLES.join("|")})` });
}

export const officerInviteCommand: Command = {
  words: ["officer", "invite"],
  usage: "--commune <tên|mã> [--unit <thôn>] --role collector|commune|viewer [--hours 72]",
  helpKey: "cli-help-officer-invite",
  options: { commune: { type: "string" }, unit: { type: "string" }, role: { type: "string" }, hours: { type: "string" } },
  async run(ctx, io, args) {
    const role = roleOption(args.values.role);
    if (typeof args.values.commune !== "string") throw new AppError("bad_request", "cli-missing-argument", { name: "--commune" });
    const hours = args.values.hours === undefined ? undefined : Number(args.values.hours);
    if (hours !== undefined && !(Number.isInteger(hours) && hours >= 1 && hours <= 24 * 30)) {
      throw new AppError("bad_request", "cli-bad-option", { detail: `--hours ${String(args.values.hours)}` });
    }
    const db = ctx.db();
    const commune = await resolveUnit(db, args.values.commune, { level: "commune" });
    const village = typeof args.values.unit === "string" ? await resolveUnit(db, args.values.unit, { parentId: commune.id }) : undefined;
    const invite = await createInvite(db, await ctx.protector(), { communeId: commune.id, unitId: village?.id, role, createdBy: "cli", ttlHours: hours });
    const expires = invite.expiresAt.toISOString();
    return succeed(
      io,
      { code: invite.code, role, commune: commune.code, unit: village?.code ?? null, expiresAt: expires },
      io.t(io.locale, "invite-created", {
        code: formatInviteCode(invite.code),
        role: io.t(io.locale, `officer-role-${role}`),
        scope: village ? `${village.name}, ${commune.name}` : commune.name,
        expires: formatDate(expires.slice(0, 10), io.locale),
      }),
    );
  },
};
