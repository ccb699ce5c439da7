/** @module Reads `.env` for `npm start` and the CLI: Node 20's --env-file fails on a missing file. */
import { existsSync, readFileSync } from "node:fs";

/**
 * Parses `KEY=value` lines (`#` comments, `export ` prefix, single or double quotes). An empty
 * value means unset, so a copy of .env.example with blank keys changes nothing.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, "");
    if (quote === '"') value = value.replace(/\\n/g, "\n");
    if (value !== "") out[match[1]!] = value;
  }
  return out;
}

/**
 * Copies `.env` (if present) into `env` without overriding what the real environment already
 * sets: the service manager's values win. Returns the keys it set (names only, for a log line).
 */
export function loadEnvFile(env: Record<string, string | undefined>, path = ".env"): string[] {
  if (!existsSync(path)) return [];
  const set: string[] = [];
  for (const [key, value] of Object.entries(parseEnvFile(readFileSync(path, "utf8")))) {
    if (env[key] !== undefined) continue;
    env[key] = value;
    set.push(key);
  }
  return set;
}
