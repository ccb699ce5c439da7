import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

/** Every `KEY` named in the first cell of a row of a "| variable |" table of docs/configuration.md. */
function documentedKeys(doc: string): string[] {
  const keys: string[] = [];
  let inTable = false;
  for (const line of doc.split("\n")) {
    if (line.startsWith("| variable |")) inTable = true;
    else if (!line.startsWith("|")) inTable = false;
    else if (inTable && !line.startsWith("|---")) keys.push(...[...line.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
  }
  return keys;
}

describe("docs/configuration.md and .env.example", () => {
  const schemaKeys = Object.keys(configSchema.shape).sort();

  it("the variable tables name exactly the config schema's keys, each once", () => {
    const keys = documentedKeys(read("../docs/configuration.md"));
    expect([...keys].sort()).toEqual(schemaKeys);
  });

  it("every schema key is in .env.example", () => {
    const example = read("../.env.example");
    for (const key of schemaKeys) expect(example, key).toMatch(new RegExp(`^${key}=`, "m"));
  });
});
