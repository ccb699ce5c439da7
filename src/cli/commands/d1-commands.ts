/**
 * @module `bhyt d1 seed-demo --local`: the demo data and the first dashboard account in the
 * local D1 that `npm run dev:worker` serves. wrangler's getPlatformProxy() gives a real local
 * D1 binding (the same `--persist-to` state as `wrangler dev`) and the Worker's own vars from
 * `.dev.vars`, so the demo's personal data is sealed with the keys the Worker opens it with.
 */
import { sql } from "drizzle-orm";
import { seedDemo } from "../../core/demo/seed-demo";
import { ensureFirstAdmin } from "../../core/auth/admin-accounts";
import { createProtector, fromBase64 } from "../../core/privacy/protector";
import { parseConfig } from "../../config";
import { createD1Db } from "../../entry/d1-db";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";

export const d1SeedDemoCommand: Command = {
  words: ["d1", "seed-demo"],
  usage: "--local [--persist-to DIR] [--env-file FILE] [--today YYYY-MM-DD]",
  helpKey: "cli-help-d1-seed-demo",
  options: { local: { type: "boolean" }, "persist-to": { type: "string" }, "env-file": { type: "string" }, today: { type: "string" } },
  async run(_ctx, io, args) {
    // Remote D1 has no binding outside a Worker; seeding production with demo data is never wanted.
    if (args.values.local !== true) return fail(io, "bad_request", io.t(io.locale, "d1-local-only"));
    const persistTo = typeof args.values["persist-to"] === "string" ? args.values["persist-to"] : ".wrangler/state";
    const envFile = typeof args.values["env-file"] === "string" ? args.values["env-file"] : undefined;
    const { getPlatformProxy } = await import("wrangler");
    const proxy = await getPlatformProxy<Record<string, unknown>>({
      configPath: "wrangler.toml",
      // wrangler dev keeps its state in <persist-to>/v3.
      persist: { path: `${persistTo}/v3` },
      envFiles: envFile ? [envFile] : undefined,
      remoteBindings: false,
    });
    try {
      const vars = Object.fromEntries(Object.entries(proxy.env).filter((e): e is [string, string] => typeof e[1] === "string"));
      const config = parseConfig(vars);
      if (!config.dataEncryptionKey || !config.blindIndexKey) return fail(io, "no_keys", io.t(io.locale, "d1-no-keys"));
      const db = createD1Db(proxy.env.DB as D1Database);
      const [migrated] = await db.orm.all<{ n: number }>(sql`select count(*) as n from sqlite_master where type = 'table' and name = 'admin_units'`);
      if (!migrated?.n) return fail(io, "not_migrated", io.t(io.locale, "d1-not-migrated"));
      const protector = await createProtector({ dataKey: fromBase64(config.dataEncryptionKey), indexKey: fromBase64(config.blindIndexKey), keyId: config.dataKeyId });
      const today = typeof args.values.today === "string" ? args.values.today : undefined;
      // The same demo as `bhyt db seed-demo`: this year's targets and tallies too, not only the plans.
      const seeded = await seedDemo({ db, protector, today, activity: true });
      const warnings = seeded.warnings.map((w) => ({ row: w.row, message: io.t(io.locale, w.messageKey, w.args) }));
      for (const w of warnings) io.say(io.t(io.locale, "import-warning", w));
      const admin = await ensureFirstAdmin(db, config.admin);
      const summary = [io.t(io.locale, "demo-seeded", { units: seeded.units, targets: seeded.targets, people: seeded.people })];
      if (admin?.generatedPassword) summary.push(io.t(io.locale, "d1-admin-generated", { username: admin.username, password: admin.generatedPassword }));
      else if (admin) summary.push(io.t(io.locale, "d1-admin-created", { username: admin.username }));
      else summary.push(io.t(io.locale, "d1-admin-exists"));
      // The generated password goes to this terminal once (stdout, never a log line) and is stored only as a hash.
      return succeed(
        io,
        { units: seeded.units, targets: seeded.targets, people: seeded.people, activity: seeded.activity, warnings, admin: admin ? { username: admin.username, ...(admin.generatedPassword ? { password: admin.generatedPassword } : {}) } : null },
        summary.join("\n"),
      );
    } finally {
      await proxy.dispose();
    }
  },
};
