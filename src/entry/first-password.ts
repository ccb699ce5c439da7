/** @module Where a generated first dashboard password goes when no terminal shows it. */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Beside the database, owner-only: under systemd or a pipe, stdout is a log, and a password
 * must never be written to a log. An in-memory database has no directory: the working one.
 */
export function writeFirstPassword(databasePath: string, password: string): string {
  const dir = databasePath === ":memory:" ? "." : dirname(databasePath);
  const file = join(dir, "first-admin-password.txt");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return file;
}
