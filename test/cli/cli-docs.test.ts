import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main";

/** The first cell of every command row in docs/cli.md: "bhyt db backup FILE". */
function documentedRows(): string[] {
  const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
  return [...doc.matchAll(/^\| `(bhyt [^`]+)` \|/gm)].map((m) => m[1]!);
}

/** A row documents a command when it starts with its words and the next token is not another word of a longer command. */
const rowOf = (rows: string[], words: string[]) => rows.filter((r) => r === `bhyt ${words.join(" ")}` || r.startsWith(`bhyt ${words.join(" ")} `)).filter((r) => {
  const longer = COMMANDS.filter((c) => c.words.length > words.length && c.words.slice(0, words.length).join(" ") === words.join(" "));
  return !longer.some((c) => r === `bhyt ${c.words.join(" ")}` || r.startsWith(`bhyt ${c.words.join(" ")} `));
});

describe("docs/cli.md", () => {
  const rows = documentedRows();

  it("has one row per command of src/cli/main.ts, and no row for a command that does not exist", () => {
    for (const command of COMMANDS) expect(rowOf(rows, command.words), command.words.join(" ")).toHaveLength(1);
    const known = COMMANDS.map((c) => `bhyt ${c.words.join(" ")}`);
    for (const row of rows) expect(known.some((k) => row === k || row.startsWith(`${k} `)), row).toBe(true);
    expect(rows).toHaveLength(COMMANDS.length);
  });

  it("names every option each command takes", () => {
    for (const command of COMMANDS) {
      const [row] = rowOf(rows, command.words);
      for (const option of Object.keys(command.options ?? {})) expect(row, `${command.words.join(" ")} --${option}`).toMatch(new RegExp(`--${option}\\b`));
    }
  });
});
