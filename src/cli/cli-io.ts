/** @module How every command reports: human text, or with --json one JSON object as the last stdout line. */
import type { Locale } from "../config";
import { AppError } from "../errors";
import type { Translator } from "../i18n/translate";
import { terminalSafe } from "./terminal-safe";

export interface CliIo {
  json: boolean;
  locale: Locale;
  t: Translator;
  /** Human-readable output (suppressed with --json). */
  say(text: string): void;
}

/** Exit codes: 0 ok, 2 the input was refused (validation, not found…), 1 anything unexpected. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_REFUSED = 2;

export function createIo(options: { json: boolean; locale: Locale; t: Translator }): CliIo {
  return { ...options, say: (text) => (options.json ? undefined : void process.stdout.write(terminalSafe(text) + "\n")) };
}

export function succeed(io: CliIo, body: Record<string, unknown>, summary?: string): number {
  if (io.json) process.stdout.write(JSON.stringify({ ok: true, ...body }) + "\n");
  else if (summary) io.say(summary);
  return EXIT_OK;
}

export function fail(io: CliIo, code: string, message: string, extra: Record<string, unknown> = {}, exitCode = EXIT_REFUSED): number {
  if (io.json) process.stdout.write(JSON.stringify({ ok: false, error: { code, message, ...extra } }) + "\n");
  else process.stderr.write(terminalSafe(message) + "\n");
  return exitCode;
}

/** Turns any thrown value into the CLI's error shape; only AppErrors carry user-facing text. */
export function failWith(io: CliIo, err: unknown): number {
  if (err instanceof AppError) return fail(io, err.code, io.t(io.locale, err.messageKey, err.args));
  const name = err instanceof Error ? err.name : "Error";
  const message = err instanceof Error ? err.message : String(err);
  return fail(io, "internal", `${io.t(io.locale, "error-internal")} (${name}: ${message.slice(0, 200)})`, {}, EXIT_INTERNAL);
}
