import { vi } from "vitest";
import { runCli } from "../../src/cli/main";

/**
 * Runs the CLI in-process against `env`: exit code, stdout lines, stderr, and the last stdout
 * line parsed when it is JSON (the `--json` contract), else null.
 */
export function createCliRunner(env: Record<string, string>) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const outSpy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    const errSpy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
    try {
      const code = await runCli(argv, env);
      const lines = out.join("").trim().split("\n");
      const tail = lines.at(-1) ?? "";
      // biome-ignore lint/suspicious/noExplicitAny: tests read the CLI's JSON summary field by field
      return { code, lines, stderr: err.join("").trim(), last: (tail.startsWith("{") ? JSON.parse(tail) : null) as Record<string, any> };
    } finally {
      outSpy.mockRestore();
      errSpy.mockRestore();
    }
  };
}
