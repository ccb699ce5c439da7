import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "../../src/cli/build";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
const operations = readFileSync(new URL("../../docs/operations.md", import.meta.url), "utf8");

describe("production start", () => {
  it("npm start builds, then runs the bundle under the production Node flags", () => {
    expect(pkg.scripts.start).toBe(`tsx src/cli/build.ts && node ${PRODUCTION_NODE_FLAGS.join(" ")} dist/entry/node.mjs`);
  });

  it("the systemd unit in docs/operations.md runs the same command", () => {
    expect(operations).toContain(`ExecStart=/usr/bin/node ${PRODUCTION_NODE_FLAGS.join(" ")} dist/entry/node.mjs`);
  });
});
