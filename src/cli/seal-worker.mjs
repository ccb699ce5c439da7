// Worker thread of the CLI's sealer pool (sealer-pool.ts): seals and blind-indexes import rows
// byte for byte as src/entry/node-protector.ts does (`v1.<keyId>.<base64(iv ‖ ciphertext ‖ tag)>`,
// hex HMAC-SHA256 of `<namespace>:<value>`). AES-GCM through seal-gcm.mjs, a whole batch at a
// time (a `createCipheriv` per value was most of the sealing). Plain JavaScript, so it starts
// without a TypeScript loader; test/cli/sealer-pool.test.ts checks its output against the protector.
import { createHmac, randomBytes } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { createGcmSealer } from "./seal-gcm.mjs";

const IV_BYTES = 12;
const { dataKey, indexKey, indexBytes, keyId, layout } = workerData;
const gcm = createGcmSealer(Buffer.from(dataKey));
const index = Buffer.from(indexKey);
const prefix = `v1.${keyId}.`;

const blindIndex = (namespace, value) => createHmac("sha256", index).update(`${namespace}:${value}`, "utf8").digest().toString("hex", 0, indexBytes);

// A batch is { id, rows: plain values per row }; the answer { id, rows: outputs per row } in
// the layout's order, or { id, error } (the message only: never a value). The batch's values
// to seal are gathered, sealed together with one IV each from one CSPRNG draw, and put back.
parentPort.on("message", ({ id, rows }) => {
  try {
    const plains = [];
    const slots = [];
    const out = rows.map((plain, r) =>
      layout.map(({ from, index: namespace }, k) => {
        const value = plain[from];
        if (value === null || value === undefined) return null;
        if (namespace !== undefined) return blindIndex(namespace, value);
        plains.push(Buffer.from(value, "utf8"));
        slots.push(r, k);
        return null;
      }),
    );
    const bodies = gcm.sealAll(plains, randomBytes(IV_BYTES * plains.length));
    for (let v = 0; v < bodies.length; v++) out[slots[2 * v]][slots[2 * v + 1]] = prefix + bodies[v].toString("base64");
    parentPort.postMessage({ id, rows: out });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
