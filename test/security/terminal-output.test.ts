import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { terminalSafe } from "../../src/cli/terminal-safe";
import { createCliRunner } from "../helpers/run-cli";

// An imported name carrying terminal escapes (clear screen, retitle the window) or a bidi
// override must reach an operator's terminal as visible text, not as commands.
const dir = mkdtempSync(join(tmpdir(), "bhyt-terminal-"));
const cli = createCliRunner({ DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" });

describe("CLI output of imported text", () => {
  it("shows escape sequences and bidi overrides as visible escapes", async () => {
    const file = join(dir, "units.csv");
    writeFileSync(file, `code,name,level,parent_code\n97,"Tỉnh\u001b[2J\u001b]0;pwned\u0007 Thử",province,\n97-001,"Xã \u202eẢo",commune,97\n`);
    expect((await cli("import", "units", file)).code).toBe(0);
    const { lines } = await cli("units", "list", "--under", "97");
    const out = lines.join("\n");
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toContain("Tỉnh\\x1b[2J\\x1b]0;pwned\\x07 Thử");
    expect(out).toContain("Xã \\u202eẢo");
  });

  it("keeps Vietnamese, line breaks and tabs as they are", () => {
    expect(terminalSafe("Ngọc Phụng\n\tThôn Hưng Long — 95,01 %")).toBe("Ngọc Phụng\n\tThôn Hưng Long — 95,01 %");
  });
});
