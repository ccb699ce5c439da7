import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The house layering, checked on every import in src/:
//   entry (src/entry, src/cli) → http (src/http, src/app.ts) → channels → core → db
// Imports point down only; channels and http never import src/db; config is a leaf (it
// imports nothing from src); only entry and cli may use node:* or process.env. Channels and
// http hold the database only as core's `Store` and never import drizzle-orm: every query is a
// core use case. .tsx files (the dashboard) are checked like the rest.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");

type Layer = "entry" | "http" | "channels" | "core" | "db" | "config" | "shared";
const RANK: Record<Layer, number> = { entry: 0, http: 1, channels: 2, core: 3, db: 4, config: 5, shared: 6 };

function layerOf(file: string): Layer {
  const rel = relative(SRC, file).replaceAll("\\", "/");
  if (rel.startsWith("entry/") || rel.startsWith("cli/")) return "entry";
  if (rel.startsWith("http/") || rel === "app.ts") return "http";
  if (rel.startsWith("channels/")) return "channels";
  if (rel.startsWith("core/") || rel.startsWith("i18n/")) return "core";
  if (rel.startsWith("db/")) return "db";
  if (/^config(-[a-z]+)?\.ts$/.test(rel)) return "config";
  // logger.ts, errors.ts, version.ts, types/, values/ (plain value formats: phone numbers, quiet
  // hours, channel order, which config and core both read): leaves anyone may use.
  return "shared";
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

interface Edge { from: string; to: string; kind: string }

/** Every rule broken today, as "kind: from -> to" (paths relative to src/). */
function violations(): string[] {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, "utf8");
    const from = relative(SRC, file).replaceAll("\\", "/");
    const layer = layerOf(file);
    const specifiers = [...text.matchAll(/(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
    const edges: Edge[] = [];
    for (const spec of specifiers) {
      if (spec.startsWith("node:")) {
        if (layer !== "entry") edges.push({ from, to: spec, kind: "runtime" });
        continue;
      }
      // The query builder is the database too: channels and http hand the store to core use cases.
      if (spec.startsWith("drizzle-orm") && (layer === "channels" || layer === "http")) {
        edges.push({ from, to: spec, kind: "db-import" });
        continue;
      }
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      const to = relative(SRC, target).replaceAll("\\", "/").replace(/\.(ts|tsx|js)$/, "");
      const targetLayer = layerOf(target.endsWith(".ts") ? target : `${target}.ts`);
      if (layer === "config" && targetLayer !== "config" && targetLayer !== "shared") edges.push({ from, to, kind: "config-leaf" });
      else if ((layer === "channels" || layer === "http") && targetLayer === "db") edges.push({ from, to, kind: "db-import" });
      else if (layer !== "config" && targetLayer !== "config" && RANK[targetLayer] < RANK[layer]) edges.push({ from, to, kind: "upward" });
    }
    if (layer !== "entry" && /\bprocess\.env\b/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""))) edges.push({ from, to: "process.env", kind: "runtime" });
    for (const e of edges) found.add(`${e.kind}: ${e.from} -> ${e.to}`);
  }
  return [...found].sort();
}

/**
 * Today's known exceptions: a shrinking allow-list. Each entry is a debt to pay. The test fails
 * when a new violation appears, and also when a listed one is gone, so the list is kept exact.
 */
const KNOWN_EXCEPTIONS: string[] = [
];

describe("architecture: entry → http → channels → core → db", () => {
  const actual = violations();
  it("no new layering violation", () => {
    expect(actual.filter((v) => !KNOWN_EXCEPTIONS.includes(v))).toEqual([]);
  });
  it("the allow-list only holds violations that still exist (remove what was fixed)", () => {
    expect(KNOWN_EXCEPTIONS.filter((v) => !actual.includes(v))).toEqual([]);
  });
  it("the check itself sees imports (it must be able to fail)", () => {
    expect(sources(SRC).length).toBeGreaterThan(100);
    expect(layerOf(join(SRC, "channels/telegram/bot.ts"))).toBe("channels");
    expect(layerOf(join(SRC, "db/schema/index.ts"))).toBe("db");
  });
});
