/** @module Shared tail of the bench servers: announce the port, then report peak RSS and exit when stdin closes. */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { peakRssMb } from "../lib/child";

export function serveUntilStdinEnds(
  fetch: (req: Request) => Response | Promise<Response>,
  extra: Record<string, unknown> = {},
  /** Runs after the load, before the RSS report (e.g. writing a CPU profile). */
  beforeExit: () => Promise<void> = async () => {},
  /** More figures for the last line (counters the server kept). */
  finalReport: () => Record<string, unknown> = () => ({}),
) {
  const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
    console.log(JSON.stringify({ port: info.port, ...extra }));
  });
  // The parent ends stdin when the load is over; the last line is this process's own peak RSS.
  process.stdin.resume();
  process.stdin.on("end", () => {
    void beforeExit().finally(() => {
      console.log(JSON.stringify({ peakRssMb: peakRssMb(), ...finalReport() }));
      server.close();
      process.exit(0);
    });
  });
}
