/** @module The Bot API client's HTTP on Node: node:http(s) with keep-alive agents, for grammY's `client.fetch`. */
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

/** The part of `fetch` grammY's ApiClient uses: POST a JSON string or a multipart stream, read JSON back. */
export type BotFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * grammY's default on Node is node-fetch, which builds Headers, Request and Body objects and a
 * PassThrough per call: ~80 µs of CPU for a sendMessage to a local server, against ~40 µs for
 * node:http itself (global fetch, undici, costs ~240 µs). Every webhook update makes at least
 * one call, so it is a tenth of an update's cost. The answer carries what grammY reads
 * (`json`, also `ok`, `status`, `text`); redirects and compression, which the Bot API does
 * not use, are not followed or requested.
 */
export function createNodeBotFetch(): BotFetch {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(String(url));
      const secure = target.protocol === "https:";
      const body = init.body;
      const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
      if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
      const req = (secure ? https : http).request(
        target,
        { method: init.method ?? "GET", headers, agent: secure ? agents.https : agents.http, signal: init.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            resolve({ ok: status >= 200 && status < 300, status, text: async () => text, json: async () => JSON.parse(text) as unknown } as Response);
          });
        },
      );
      req.on("error", reject);
      if (body === undefined || body === null) req.end();
      else if (typeof body === "string" || body instanceof Uint8Array) req.end(body);
      else if (body instanceof Readable) body.on("error", (err) => req.destroy(err)).pipe(req);
      else if (Symbol.asyncIterator in (body as object)) Readable.from(body as AsyncIterable<Uint8Array>).on("error", (err) => req.destroy(err)).pipe(req);
      else req.destroy(new TypeError("unsupported request body for the Bot API client"));
    });
}
