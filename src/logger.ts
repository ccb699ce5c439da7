import type { LogLevel } from "./config";

/** Structured fields attached to a log line; never put secrets or personal numbers here. */
export type LogFields = Record<string, unknown>;

/** One JSON object per line, on Node and Workers alike. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where lines go; tests capture them to check that nothing sensitive is logged. */
export type LogSink = (line: string) => void;

export function createLogger(options: { level: LogLevel; sink?: LogSink; base?: LogFields }): Logger {
  const sink = options.sink ?? ((line: string) => console.log(line));
  const min = ORDER[options.level];
  const base = options.base ?? {};
  const write = (level: LogLevel, event: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const line = { time: new Date().toISOString(), level, event, ...base, ...fields };
    sink(JSON.stringify(line, errorReplacer));
  };
  return {
    debug: (e, f) => write("debug", e, f),
    info: (e, f) => write("info", e, f),
    warn: (e, f) => write("warn", e, f),
    error: (e, f) => write("error", e, f),
    child: (fields) => createLogger({ level: options.level, sink, base: { ...base, ...fields } }),
  };
}

/**
 * Errors serialise to name and message only: stacks may carry request data. Drizzle's query
 * errors embed the SQL and every bound value (names, phone numbers), so for them only the
 * driver's own message (the cause) is kept. Messages are scrubbed too: JSON.parse quotes the
 * text it choked on, and providers echo the number they refused.
 */
function errorReplacer(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  if (value.message.startsWith("Failed query")) {
    const cause = value.cause instanceof Error ? scrubErrorText(value.cause.message) : undefined;
    return { name: value.name, message: "query failed", cause };
  }
  return { name: value.name, message: scrubErrorText(value.message) };
}

/**
 * Error text with what could be personal removed: quoted fragments (JSON.parse and zod quote
 * input), runs of 6+ digits (phones, BHXH and ID numbers, card codes) and dates.
 */
export function scrubErrorText(text: string): string {
  return text
    .slice(0, 500)
    .replace(/"[^"]*"|'[^']{4,}'/g, "\"…\"")
    .replace(/\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/g, "[date]")
    .replace(/\+?\d[\d .-]{4,}\d/g, (m) => (m.replace(/\D/g, "").length >= 6 ? "[number]" : m));
}

/** A logger that drops everything (CLI runs with --json, some tests). */
export const silentLogger: Logger = createLogger({ level: "error", sink: () => {} });
