/**
 * @module webhook-ingest-worker helper: officer invites in a local D1 (the state `wrangler dev`
 * serves), through wrangler's getPlatformProxy with the same vars file as the Worker.
 *
 *   node --import tsx bench/servers/d1-invites.ts <persistTo> <envFile> <count>
 *
 * Prints `{"codes":[…]}`: the officers then send `/start <code>` to the running Worker.
 */
import { getPlatformProxy } from "wrangler";
import { createInvite } from "../../src/core/officers/invites";
import { createProtector, fromBase64 } from "../../src/core/privacy/protector";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createD1Db } from "../../src/entry/d1-db";

const [persistTo, envFile, count] = process.argv.slice(2) as [string, string, string];
const proxy = await getPlatformProxy<Record<string, unknown>>({ configPath: "wrangler.toml", persist: { path: `${persistTo}/v3` }, envFiles: [envFile], remoteBindings: false });
try {
  const env = proxy.env as Record<string, string> & { DB: D1Database };
  const db = createD1Db(env.DB);
  const protector = await createProtector({ dataKey: fromBase64(env.DATA_ENCRYPTION_KEY!), indexKey: fromBase64(env.BLIND_INDEX_KEY!), keyId: env.DATA_KEY_ID ?? "k1" });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const codes: string[] = [];
  for (let n = 0; n < Number(count); n++) codes.push((await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code);
  console.log(JSON.stringify({ codes }));
} finally {
  await proxy.dispose();
}
