/** @module The `bhyt` command line (Node only). */
import { parseArgs } from "node:util";
import { negotiateLocale } from "../i18n/translate";
import type { Command } from "./command";
import { createCliContext } from "./cli-context";
import { createIo, EXIT_REFUSED, fail, failWith } from "./cli-io";
import { dbMigrateCommand, dbPurgeInboundTextCommand, dbPurgeOldRecordsCommand, dbSeedDemoCommand } from "./commands/db-commands";
import { dbBackupCommand, dbRestoreCommand } from "./commands/backup-commands";
import { d1SeedDemoCommand } from "./commands/d1-commands";
import { d1SplitCommand } from "./commands/d1-split-command";
import { d1MoveCommand } from "./commands/d1-move-command";
import { importCommuneStatusesCommand, importTargetsCommand, importUnitsCommand } from "./commands/import-commands";
import { unitsStatusesCommand } from "./commands/commune-status-commands";
import { importCardsCommand } from "./commands/import-cards-command";
import { tallyParseCommand, tallyRebuildRollupsCommand } from "./commands/tally-commands";
import { targetsShowCommand, unitsListCommand } from "./commands/unit-commands";
import { officerInviteCommand } from "./commands/officer-commands";
import { chatCommand } from "./commands/chat-command";
import { cardStatusCommand } from "./commands/card-status-command";
import { cardBenefitCommand, cardParseCommand } from "./commands/card-commands";
import { feeCommand } from "./commands/fee-command";
import { outboxFailedCommand, outboxStatusCommand } from "./commands/outbox-commands";
import { remindersPlanCommand } from "./commands/reminders-command";
import { campaignCreateCommand, campaignListCommand } from "./commands/campaign-commands";
import { personExportCommand, personForgetCommand } from "./commands/person-commands";
import { keysRotateCommand } from "./commands/keys-commands";
import { shardsAssignCommand, shardsListCommand, shardsMigrateCommand, shardsReportCommand } from "./commands/shard-commands";
import { shardsMoveCommand } from "./commands/shard-move-commands";
import { shardsSplitCommand } from "./commands/shard-split-command";
import { telegramSetWebhookCommand, telegramWebhookInfoCommand } from "./commands/telegram-commands";
import { adminCreateCommand, adminListCommand, adminResetPasswordCommand } from "./commands/admin-commands";
import { loadEnvFile } from "../entry/env-file";

export const COMMANDS: Command[] = [
  dbMigrateCommand,
  dbSeedDemoCommand,
  d1SeedDemoCommand,
  d1SplitCommand,
  d1MoveCommand,
  dbBackupCommand,
  dbRestoreCommand,
  dbPurgeInboundTextCommand,
  dbPurgeOldRecordsCommand,
  importUnitsCommand,
  importTargetsCommand,
  importCardsCommand,
  importCommuneStatusesCommand,
  unitsListCommand,
  unitsStatusesCommand,
  targetsShowCommand,
  officerInviteCommand,
  adminCreateCommand,
  adminResetPasswordCommand,
  adminListCommand,
  chatCommand,
  tallyParseCommand,
  tallyRebuildRollupsCommand,
  cardStatusCommand,
  cardParseCommand,
  cardBenefitCommand,
  feeCommand,
  outboxStatusCommand,
  outboxFailedCommand,
  remindersPlanCommand,
  campaignCreateCommand,
  campaignListCommand,
  personExportCommand,
  personForgetCommand,
  keysRotateCommand,
  telegramSetWebhookCommand,
  telegramWebhookInfoCommand,
  shardsListCommand,
  shardsAssignCommand,
  shardsMigrateCommand,
  shardsReportCommand,
  shardsMoveCommand,
  shardsSplitCommand,
];

const GLOBAL_OPTIONS = {
  json: { type: "boolean" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const ctx = createCliContext(env);
  const json = argv.includes("--json");
  const langIndex = argv.indexOf("--lang");
  const locale = negotiateLocale(langIndex >= 0 ? argv[langIndex + 1] : undefined, ctx.config.defaultLocale);
  const io = createIo({ json, locale, t: ctx.t });
  const words = argv.filter((a) => !a.startsWith("-"));
  const command = COMMANDS.find((c) => c.words.every((w, i) => words[i] === w));
  if (!command) {
    if (words.length === 0 || words[0] === "help") return printHelp(io.say, ctx.t, locale);
    return fail(io, "unknown_command", `${ctx.t(locale, "cli-unknown-command", { command: words.slice(0, 2).join(" ") })} ${ctx.t(locale, "cli-usage")}`);
  }
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) return printHelp(io.say, ctx.t, locale, command);
    const positionals = parsed.positionals.slice(command.words.length);
    return await command.run(ctx, io, { positionals, values: parsed.values as Record<string, string | boolean | undefined> });
  } catch (err) {
    if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
      return fail(io, "bad_request", ctx.t(locale, "cli-bad-option", { detail: err.message }), {}, EXIT_REFUSED);
    }
    return failWith(io, err);
  } finally {
    ctx.close();
  }
}

function printHelp(say: (s: string) => void, t: ReturnType<typeof createCliContext>["t"], locale: Parameters<typeof t>[0], only?: Command): number {
  say(t(locale, "cli-usage"));
  for (const c of only ? [only] : COMMANDS) say(`  bhyt ${c.words.join(" ")} ${c.usage}`.trimEnd() + `\n      ${t(locale, c.helpKey)}`);
  say(`  ${t(locale, "cli-help-global")}`);
  return 0;
}

const isMain = process.argv[1] !== undefined && /bhyt(\.mjs)?$|main\.ts$/.test(process.argv[1]);
if (isMain) {
  loadEnvFile(process.env);
  runCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
