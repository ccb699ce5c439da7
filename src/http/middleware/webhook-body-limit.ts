/** @module Refuses webhook bodies over a size before they are parsed. */
import type { Context, MiddlewareHandler } from "hono";
import { readCappedBody } from "./body-cap";

/**
 * A declared length is answered from the header alone: the HTTP parser (Node's, or the
 * Workers runtime's) frames the body by that length, so no more bytes than declared are ever
 * read as this body. Asking for `c.req.raw.body` would turn @hono/node-server's lightweight
 * request into a full undici Request with a web stream (~60 µs of CPU and garbage per update).
 * Telegram, Zalo and Twilio declare their lengths; a chunked body is counted as it is read
 * and refused once it passes the limit (see body-cap.ts).
 */
export function webhookBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number.parseInt(declared, 10) > maxSize ? onError(c) : next();
    }
    return (await readCappedBody(c, maxSize)) ? next() : onError(c);
  };
}
