/** A chunked POST (no Content-Length) that keeps sending until the server answers: bounded in bytes and time. */
import { request } from "node:http";

export interface FloodResult {
  status: number;
  /** Milliseconds from the first byte sent to the answer's status line. */
  ms: number;
  /** Bytes the client managed to write before the answer (or the close). */
  sent: number;
}

export function chunkedFlood(base: string, path: string, opts: { maxBytes: number; contentType?: string; headers?: Record<string, string> }): Promise<FloodResult> {
  const url = new URL(path, base);
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let sent = 0;
    let answered = false;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: "POST", headers: { "content-type": opts.contentType ?? "application/x-www-form-urlencoded", ...opts.headers } },
      (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        const ms = Date.now() - started;
        res.resume();
        res.on("end", () => resolve({ status, ms, sent }));
        res.on("error", () => resolve({ status, ms, sent }));
        req.destroy();
      },
    );
    req.setHeader("transfer-encoding", "chunked");
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < opts.maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.flushHeaders();
    pump();
  });
}
