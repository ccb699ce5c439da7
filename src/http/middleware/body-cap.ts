/** @module Caps request bodies by the bytes actually read, with Web streams only (Node and Workers alike). */
import type { Context } from "hono";

/** Dashboard forms (sign-in, invites, campaigns, the bot trial) are a few kB at most. */
export const FORM_BODY_LIMIT = 16 * 1024;

/**
 * Reads the request body into memory, stopping as soon as more than `max` bytes have arrived,
 * and puts the read bytes back on the request so hono's parsers (form, JSON, text) read those.
 * A declared length over `max` is refused without reading. A chunked body (no declared length)
 * is counted as it arrives: trusting the header alone let a 600 MB chunked POST through.
 * Returns false when the body is too large; the caller answers 413 (the Node server then
 * drains or closes the rest of the upload itself, bounded in bytes and time).
 */
export async function readCappedBody(c: Context, max: number): Promise<boolean> {
  if (c.req.method === "GET" || c.req.method === "HEAD") return true;
  const declared = c.req.header("content-length");
  if (declared !== undefined && !(Number(declared) <= max)) return false;
  const body = c.req.raw.body;
  if (!body) return true;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Stop reading: nothing more of this body is buffered or parsed.
      reader.cancel().catch(() => undefined);
      return false;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  const raw = c.req.raw;
  c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: bytes, signal: raw.signal });
  return true;
}
