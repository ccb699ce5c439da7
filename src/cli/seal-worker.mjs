// Worker thread of the CLI's sealer pool (sealer-pool.ts): seals and blind-indexes import rows
// with the same node:crypto calls as src/entry/node-protector.ts, byte for byte
// (`v1.<keyId>.<base64(iv ‖ ciphertext ‖ tag)>`, hex HMAC-SHA256 of `<namespace>:<value>`).
// Plain JavaScript, so it starts without a TypeScript loader; test/cli/sealer-pool.test.ts
// checks its output against the protector.
import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

const IV_BYTES = 12;
const IVS_PER_DRAW = 512;
const { dataKey, indexKey, keyId, layout } = workerData;
const data = Buffer.from(dataKey);
const index = Buffer.from(indexKey);
const prefix = `v1.${keyId}.`;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function seal(plain) {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IVS_PER_DRAW);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  const iv = ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
  const cipher = createCipheriv("aes-256-gcm", data, iv);
  return prefix + Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

const blindIndex = (namespace, value) => createHmac("sha256", index).update(`${namespace}:${value}`, "utf8").digest("hex");

// A batch is { id, rows: plain values per row }; the answer { id, rows: outputs per row } in
// the layout's order, or { id, error } (the message only: never a value).
parentPort.on("message", ({ id, rows }) => {
  try {
    const out = rows.map((plain) =>
      layout.map(({ from, index: namespace }) => {
        const value = plain[from];
        if (value === null || value === undefined) return null;
        return namespace === undefined ? seal(value) : blindIndex(namespace, value);
      }),
    );
    parentPort.postMessage({ id, rows: out });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
