/**
 * @module The CLI's RowSealer: import rows sealed in worker threads (seal-worker.mjs) while
 * the main thread reads, checks, stages and applies. Sealing was the largest share of a
 * card import (~24 µs of ~67 µs a row); here it runs beside the rest. Rows are sent in
 * batches (one message per BATCH_ROWS, not per row); a partial batch leaves as soon as the
 * main thread yields, so a waiting import never stalls on it. What waits is bounded by the
 * import's rows in flight (run-import.ts). Workers keep the process alive while they work (a
 * waiting import has nothing else on its event loop): `close` ends them.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ROW_SEAL_LAYOUT, type RowSealer } from "../core/imports/card-payload";
import { BLIND_INDEX_BYTES, type ProtectorKeys } from "../core/privacy/protector";

const BATCH_ROWS = 256;

/**
 * A worker holds one batch at a time: V8's default young generation (16 MB semi-spaces, sized
 * for a whole server) only added to the import's peak RSS, which must stay under 300 MB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

type Pending = { resolve: (rows: (string | null)[][]) => void; reject: (err: Error) => void };

export interface SealerPool extends RowSealer {
  close(): Promise<void>;
}

/** `threads` workers (default: the cores but one, at least one), started now. */
export function createSealerPool(keys: ProtectorKeys, threads = Math.max(1, availableParallelism() - 1)): SealerPool {
  const workerData = { dataKey: Buffer.from(keys.dataKey), indexKey: Buffer.from(keys.indexKey), indexBytes: BLIND_INDEX_BYTES, keyId: keys.keyId, layout: ROW_SEAL_LAYOUT };
  const pending = new Map<number, Pending>();
  let failure: Error | undefined;
  const load = new Map<Worker, number>();
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL("./seal-worker.mjs", import.meta.url), { workerData, resourceLimits: WORKER_LIMITS });
    worker.on("message", (message: { id: number; rows?: (string | null)[][]; error?: string }) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.rows) waiting?.resolve(message.rows);
      else waiting?.reject(new Error(`sealing failed: ${message.error}`));
    });
    // A worker that dies fails the import (every waiting row, and any asked for later) rather than leaving it waiting.
    worker.on("error", (err) => {
      failure ??= err;
      for (const waiting of pending.values()) waiting.reject(err);
      pending.clear();
    });
    load.set(worker, 0);
    return worker;
  });

  let nextId = 0;
  let batch: { id: number; rows: (readonly (string | null)[])[]; results: Promise<(string | null)[][]> } | undefined;
  const send = () => {
    const current = batch!;
    batch = undefined;
    // The least busy worker: batches cost about the same, so this spreads them evenly.
    const worker = workers.reduce((best, w) => (load.get(w)! < load.get(best)! ? w : best));
    load.set(worker, load.get(worker)! + 1);
    worker.postMessage({ id: current.id, rows: current.rows });
  };

  return {
    sealRow(plain) {
      if (failure) return Promise.reject(failure);
      if (!batch) {
        const id = nextId++;
        const results = new Promise<(string | null)[][]>((resolve, reject) => pending.set(id, { resolve, reject }));
        const current = (batch = { id, rows: [], results });
        setImmediate(() => batch === current && send());
      }
      const current = batch;
      const at = current.rows.push(plain) - 1;
      if (current.rows.length >= BATCH_ROWS) send();
      return current.results.then((rows) => rows[at]!);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
