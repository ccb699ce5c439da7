/**
 * @module Production build of the Node server: one ESM bundle of our sources per entry, with
 * every package left to node_modules (better-sqlite3 is native; the rest load as they would).
 *
 *   npm run build          # tsx scripts/build.ts: src/entry/node.ts → dist/entry/node.mjs
 *
 * Why: under tsx every module is transformed at start and the loader keeps a second thread,
 * ~50 MB of RSS a production server should not pay (`npm start` runs the bundle).
 * Each bundle sits two folders below the repository root, like the sources, so the
 * `new URL("../../migrations", import.meta.url)` paths of the entry resolve the same.
 * esbuild comes with tsx (a dependency), so a fresh `npm install` can build.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Node flags of the production server (`npm start`, the systemd unit in README.md, the
 * webhook-ingest bench and the soak; test/scripts/build.test.ts keeps `npm start` in step).
 * An explicit old-space limit makes V8 collect before the heap balloons: under webhook load
 * the peak RSS was ~220 MB without it, ~155 MB with it, at the same CPU per update. 384 MB
 * is far above the server's live heap, reminder planning at a million cards included (it
 * plans in chunks of 2,000 households), so it is a growth policy, not a tight cap.
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=384"];

/** Bundles `entry` (relative to the repository root) to `outfile` (ditto, two levels deep). */
export async function bundle(entry: string, outfile: string): Promise<string> {
  if (outfile.split("/").length !== 3) throw new Error(`${outfile}: bundles go two folders deep (dist/<dir>/<file>.mjs)`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
  return fileURLToPath(new URL(outfile, `file://${ROOT}/`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle("src/entry/node.ts", "dist/entry/node.mjs");
}
