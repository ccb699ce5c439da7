/**
 * @module Production build of the Node server: one ESM bundle of our sources per entry, with
 * every package left to node_modules (better-sqlite3 is native; the rest load as they would).
 *
 *   npm run build          # tsx src/cli/build.ts: src/entry/node.ts → dist/entry/node.mjs
 *
 * Why: under tsx every module is transformed at start and the loader keeps a second thread,
 * ~50 MB of RSS a production server should not pay (`npm start` runs the bundle).
 * Each bundle sits two folders below the repository root, like the sources, so the
 * `new URL("../../migrations", import.meta.url)` paths of the entry resolve the same.
 * esbuild is a dependency of its own (the same version tsx runs), so a fresh `npm install` can build.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

export { PRODUCTION_NODE_FLAGS } from "./node-flags";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

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
