/** @module The peer address of a request, per runtime (the only code that knows where it lives). */
import type { Context } from "hono";

/** @hono/node-server puts Node's IncomingMessage on `c.env.incoming`: its socket is the peer. */
export function nodePeerAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/** Cloudflare's edge sets CF-Connecting-IP on every request to a Worker and overwrites a client's own. */
export function workerPeerAddress(c: Context): string | undefined {
  return c.req.header("cf-connecting-ip");
}
