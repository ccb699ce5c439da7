import { statSync } from "node:fs";
import { basename } from "node:path";
import { runImport, type ImportOutcome, type ImportSpec, type RowIssue } from "../../core/imports/run-import";
import { targetsImportSpec } from "../../core/imports/targets-import";
import { communeStatusesImportSpec } from "../../core/imports/commune-statuses-import";
import { unitsImportSpec } from "../../core/imports/units-import";
import type { Command } from "../command";
import { EXIT_REFUSED, fail, succeed, type CliIo } from "../cli-io";
import { createProgressBar } from "../progress-bar";
import { readTable, TableReadError } from "../read-table";

function importCommand(kind: "units" | "targets" | "commune-statuses", makeSpec: (source: string) => ImportSpec<unknown>): Command {
  return {
    words: ["import", kind],
    usage: "FILE",
    helpKey: `cli-help-import-${kind}`,
    async run(ctx, io, args) {
      const read = await readImportFile(io, args.positionals[0], (table, fileName, onRow) =>
        runImport(ctx.db(), makeSpec(fileName), table, { fileName, actor: "cli", onRow }),
      );
      return read.ok ? report(io, kind, read.value) : read.exitCode;
    },
  };
}

type TableRows = ReturnType<typeof readTable>;

/**
 * What every `bhyt import …` does with FILE: checks it exists, streams its rows with a
 * progress bar on a terminal (never with --json), and turns read errors into CLI errors.
 */
export async function readImportFile<T>(
  io: CliIo,
  file: string | undefined,
  importer: (table: TableRows, fileName: string, onRow: (count: number) => void) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; exitCode: number }> {
  if (!file) return { ok: false, exitCode: fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "FILE" })) };
  try {
    statSync(file);
  } catch {
    return { ok: false, exitCode: fail(io, "file_not_found", io.t(io.locale, "import-file-not-found", { file })) };
  }
  const bar = io.json ? undefined : createProgressBar(process.stderr, basename(file));
  let rows = 0;
  try {
    const table = readTable(file, { onProgress: (p) => bar?.update({ ...p, rows }) });
    return { ok: true, value: await importer(table, basename(file), (n) => (rows = n)) };
  } catch (err) {
    if (err instanceof TableReadError) {
      const key = err.code === "unsupported_file" ? "import-file-unsupported" : err.code === "file_not_found" ? "import-file-not-found" : "import-file-unreadable";
      return { ok: false, exitCode: fail(io, err.code, io.t(io.locale, key, { file, detail: err.detail ?? "" })) };
    }
    throw err;
  } finally {
    bar?.done();
  }
}

/** Prints a failed import (file error, or the row errors) the same way for every kind; undefined when it succeeded. */
export function reportFailure(io: CliIo, outcome: ImportOutcome): number | undefined {
  const say = (issue: RowIssue) => io.t(io.locale, "import-row-error", { row: issue.row, message: io.t(io.locale, issue.messageKey, issue.args) });
  if (outcome.fileError) {
    return fail(io, "import_failed", io.t(io.locale, outcome.fileError.messageKey, outcome.fileError.args), { errors: [], errorCount: 0 });
  }
  if (outcome.ok) return undefined;
  for (const e of outcome.errors) io.say(say(e));
  const hidden = outcome.errorCount - outcome.errors.length;
  if (hidden > 0) io.say(io.t(io.locale, "import-more-errors", { count: hidden }));
  const errors = outcome.errors.map((e) => ({ row: e.row, message: io.t(io.locale, e.messageKey, e.args) }));
  return fail(io, "import_failed", io.t(io.locale, "import-failed", { count: outcome.errorCount }), { errors, errorCount: outcome.errorCount, rows: outcome.rows }, EXIT_REFUSED);
}

/** Prints the warnings of a successful import and returns them for --json. */
export function reportWarnings(io: CliIo, outcome: ImportOutcome): { row: number; message: string }[] {
  const warnings = outcome.warnings.map((w) => ({ row: w.row, message: io.t(io.locale, w.messageKey, w.args) }));
  for (const w of warnings) io.say(io.t(io.locale, "import-warning", w));
  return warnings;
}

function report(io: CliIo, kind: string, outcome: ImportOutcome): number {
  const failed = reportFailure(io, outcome);
  if (failed !== undefined) return failed;
  const warnings = reportWarnings(io, outcome);
  return succeed(
    io,
    { kind, rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated, warningCount: outcome.warningCount, warnings, batchId: outcome.batchId },
    io.t(io.locale, "import-done", { rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated }),
  );
}

export const importUnitsCommand = importCommand("units", (source) => unitsImportSpec({ source }) as ImportSpec<unknown>);
export const importTargetsCommand = importCommand("targets", (source) => targetsImportSpec({ source }) as ImportSpec<unknown>);
export const importCommuneStatusesCommand = importCommand("commune-statuses", () => communeStatusesImportSpec() as ImportSpec<unknown>);
