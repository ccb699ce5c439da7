import { statSync } from "node:fs";
import { basename } from "node:path";
import { runImport, type ImportOutcome, type ImportSpec, type RowIssue } from "../../core/imports/run-import";
import { targetsImportSpec } from "../../core/imports/targets-import";
import { unitsImportSpec } from "../../core/imports/units-import";
import type { Command } from "../command";
import { EXIT_REFUSED, fail, succeed, type CliIo } from "../cli-io";
import { createProgressBar } from "../progress-bar";
import { readTable, TableReadError } from "../read-table";

function importCommand(kind: "units" | "targets", makeSpec: (source: string) => ImportSpec<unknown>): Command {
  return {
    words: ["import", kind],
    usage: "FILE",
    helpKey: `cli-help-import-${kind}`,
    async run(ctx, io, args) {
      const file = args.positionals[0];
      if (!file) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "FILE" }));
      const bar = io.json ? undefined : createProgressBar(process.stderr, basename(file));
      let rows = 0;
      try {
        statSync(file);
      } catch {
        return fail(io, "file_not_found", io.t(io.locale, "import-file-not-found", { file }));
      }
      let outcome: ImportOutcome;
      try {
        const table = readTable(file, { onProgress: (p) => bar?.update({ ...p, rows }) });
        outcome = await runImport(ctx.db(), makeSpec(basename(file)), table, { fileName: basename(file), actor: "cli", onRow: (n) => (rows = n) });
      } catch (err) {
        if (err instanceof TableReadError) {
          const key = err.code === "unsupported_file" ? "import-file-unsupported" : err.code === "file_not_found" ? "import-file-not-found" : "import-file-unreadable";
          return fail(io, err.code, io.t(io.locale, key, { file, detail: err.detail ?? "" }));
        }
        throw err;
      } finally {
        bar?.done();
      }
      return report(io, kind, outcome);
    },
  };
}

function report(io: CliIo, kind: string, outcome: ImportOutcome): number {
  const say = (issue: RowIssue, key: string) => io.t(io.locale, key, { row: issue.row, message: io.t(io.locale, issue.messageKey, issue.args) });
  const warnings = outcome.warnings.map((w) => ({ row: w.row, message: io.t(io.locale, w.messageKey, w.args) }));
  if (outcome.fileError) {
    return fail(io, "import_failed", io.t(io.locale, outcome.fileError.messageKey, outcome.fileError.args), { errors: [], errorCount: 0 });
  }
  if (!outcome.ok) {
    for (const e of outcome.errors) io.say(say(e, "import-row-error"));
    const hidden = outcome.errorCount - outcome.errors.length;
    if (hidden > 0) io.say(io.t(io.locale, "import-more-errors", { count: hidden }));
    const errors = outcome.errors.map((e) => ({ row: e.row, message: io.t(io.locale, e.messageKey, e.args) }));
    return fail(io, "import_failed", io.t(io.locale, "import-failed", { count: outcome.errorCount }), { errors, errorCount: outcome.errorCount, rows: outcome.rows }, EXIT_REFUSED);
  }
  for (const w of outcome.warnings) io.say(say(w, "import-warning"));
  return succeed(
    io,
    { kind, rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated, warningCount: outcome.warningCount, warnings, batchId: outcome.batchId },
    io.t(io.locale, "import-done", { rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated }),
  );
}

export const importUnitsCommand = importCommand("units", (source) => unitsImportSpec({ source }) as ImportSpec<unknown>);
export const importTargetsCommand = importCommand("targets", (source) => targetsImportSpec({ source }) as ImportSpec<unknown>);
