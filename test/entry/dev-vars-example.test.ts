import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const assignments = (text: string) => new Map([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

describe(".dev.vars.example", () => {
  const example = assignments(read(".dev.vars.example"));
  // The string bindings of the Worker's Env (D1 and queue bindings are not strings).
  const envKeys = [...read("src/entry/worker-env.ts").matchAll(/^\s+([A-Z][A-Z0-9_]*)\?: string;/gm)].map((m) => m[1]!);

  it("documents every var and secret of the Worker's Env, except those wrangler.toml sets", () => {
    const inToml = ["DEFAULT_LOCALE", "TIMEZONE"];
    expect(envKeys.filter((k) => !example.has(k) && !inToml.includes(k))).toEqual([]);
  });

  it("lists only keys the config reads and the Worker's Env declares", () => {
    const known = Object.keys(configSchema.shape);
    expect([...example.keys()].filter((k) => !known.includes(k) || !envKeys.includes(k))).toEqual([]);
  });

  it("holds no real secret: keys, passwords, tokens and secrets are empty", () => {
    const secret = /KEY$|PASSWORD|TOKEN|SECRET/;
    expect([...example].filter(([k, v]) => secret.test(k) && v !== "")).toEqual([]);
  });
});
