/** @module `bhyt admin create|reset-password|list`: dashboard accounts from the machine that holds the database. */
import { auditLog } from "../../db/schema";
import type { Db } from "../../db/client";
import { createScopedAccount } from "../../core/auth/account-admin";
import { listAccounts, resetPassword } from "../../core/auth/account-maintenance";
import { generatePassword } from "../../core/auth/admin-accounts";
import { openAccountDatabases } from "../account-databases";
import { AppError } from "../../errors";
import type { Command, CommandArgs } from "../command";
import type { CliIo } from "../cli-io";
import { succeed } from "../cli-io";

/**
 * The password to set: read from standard input with `--password-stdin` (the first line, so
 * `printf '%s\n' "$PW" | bhyt …` works), else generated and shown once. A terminal on stdin is
 * refused: typing there would echo the password and leave it in the scrollback.
 */
async function passwordFrom(args: CommandArgs, stdin: NodeJS.ReadStream = process.stdin): Promise<{ password: string; generated: boolean }> {
  if (!args.values["password-stdin"]) return { password: generatePassword(), generated: true };
  if (stdin.isTTY) throw new AppError("bad_request", "cli-admin-stdin-tty");
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (!password) throw new AppError("bad_request", "cli-admin-stdin-empty");
  return { password, generated: false };
}

function usernameArg(args: CommandArgs): string {
  const username = args.positionals[0];
  if (!username) throw new AppError("bad_request", "cli-missing-argument", { name: "<username>" });
  return username;
}

/** The generated password on its own line, so it can be copied; never when it came from stdin. */
function shownOnce(io: CliIo, username: string, secret: { password: string; generated: boolean }): string {
  return secret.generated ? `\n${io.t(io.locale, "cli-admin-password-once", { username })}\n  ${secret.password}` : "";
}

const passwordOption = { "password-stdin": { type: "boolean" } } as const;

export const adminCreateCommand: Command = {
  words: ["admin", "create"],
  usage: "<username> [--scope <tên|mã đơn vị>] [--password-stdin]",
  helpKey: "cli-help-admin-create",
  options: { scope: { type: "string" }, ...passwordOption },
  async run(ctx, io, args) {
    const username = usernameArg(args);
    const databases = openAccountDatabases(ctx);
    try {
      const target = await databases.forScope(typeof args.values.scope === "string" ? args.values.scope : undefined);
      const { db, unit: scope } = target;
      if (await databases.takenElsewhere(username, target)) throw new AppError("conflict", "dash-account-exists", { username });
      const secret = await passwordFrom(args);
      const now = new Date();
      const account = await createScopedAccount(db, { creator: { scopeUnitId: null }, username, password: secret.password, scopeCode: scope?.code ?? "", now, pepper: ctx.config.admin.pepper });
      return await created(io, { db, shard: target.shard, scope, account, secret, now });
    } finally {
      databases.close();
    }
  },
};

/** Audits the new account and says where it is (with its shard under SHARDING=province). */
async function created(
  io: CliIo,
  input: { db: Db; shard?: string; scope?: { code: string; name: string }; account: { username: string }; secret: { password: string; generated: boolean }; now: Date },
): Promise<number> {
  const { db, scope, account, secret, now } = input;
  await db.orm.insert(auditLog).values({ at: now, actorKind: "cli", actorId: "cli", action: "account.created", subjectKind: "admin_account", subjectId: account.username, details: { scope: scope?.code ?? null } });
  const where = scope ? `${scope.name} (${scope.code})` : io.t(io.locale, "dash-account-national");
  return succeed(
    io,
    { username: account.username, scope: scope?.code ?? null, ...(input.shard ? { shard: input.shard } : {}), ...(secret.generated ? { password: secret.password } : {}) },
    io.t(io.locale, "cli-admin-created", { username: account.username, scope: where }) + shownOnce(io, account.username, secret),
  );
}

export const adminResetPasswordCommand: Command = {
  words: ["admin", "reset-password"],
  usage: "<username> [--password-stdin] [--enable]",
  helpKey: "cli-help-admin-reset-password",
  options: { enable: { type: "boolean" }, ...passwordOption },
  async run(ctx, io, args) {
    const username = usernameArg(args);
    const secret = await passwordFrom(args);
    const databases = openAccountDatabases(ctx);
    const { account, sessionsEnded } = await databases
      .forUsername(username)
      .then(({ db }) => resetPassword(db, { username, password: secret.password, pepper: ctx.config.admin.pepper, enable: args.values.enable === true, now: new Date() }))
      .finally(() => databases.close());
    const disabled = account.status === "disabled" ? `\n${io.t(io.locale, "cli-admin-still-disabled")}` : "";
    return succeed(
      io,
      { username: account.username, sessionsEnded, disabled: account.status === "disabled", ...(secret.generated ? { password: secret.password } : {}) },
      io.t(io.locale, "cli-admin-password-reset", { username: account.username, sessions: sessionsEnded }) + disabled + shownOnce(io, account.username, secret),
    );
  },
};

export const adminListCommand: Command = {
  words: ["admin", "list"],
  usage: "",
  helpKey: "cli-help-admin-list",
  options: {},
  async run(ctx, io) {
    const databases = openAccountDatabases(ctx);
    const accounts = await Promise.all(databases.all().map(async ({ db, shard }) => (await listAccounts(db)).map((a) => ({ ...a, shard })))).then((lists) => lists.flat()).finally(() => databases.close());
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: ctx.config.timezone, dateStyle: "short", timeStyle: "short" });
    const lines = accounts.map((a) =>
      io.t(io.locale, "cli-admin-line", {
        username: a.username,
        scope: a.scopeCode ? `${a.scopeName} (${a.scopeCode})` : io.t(io.locale, "dash-account-national"),
        status: io.t(io.locale, "dash-account-status", { status: a.disabled ? "disabled" : "active" }),
        lastSignIn: a.lastSignInAt ? local.format(a.lastSignInAt) : io.t(io.locale, "cli-admin-never"),
      }),
    );
    return succeed(
      io,
      { accounts: accounts.map((a) => ({ username: a.username, scope: a.scopeCode, scopeName: a.scopeName, disabled: a.disabled, lastSignInAt: a.lastSignInAt?.toISOString() ?? null, ...(a.shard ? { shard: a.shard } : {}) })) },
      lines.length > 0 ? lines.join("\n") : io.t(io.locale, "cli-admin-none"),
    );
  },
};
