/** @module The production server's Node flags, apart from the build so that bench servers can import them without esbuild. */

/**
 * Node flags of the production server (`npm start`, the systemd unit in docs/operations.md, the
 * webhook-ingest bench and the soak; test/cli/build.test.ts keeps `npm start` in step).
 * An explicit old-space limit makes V8 collect before the heap balloons: under webhook load
 * the peak RSS was ~220 MB without it, ~155 MB with it, at the same CPU per update. 384 MB
 * is far above the server's live heap, reminder planning at a million cards included (it
 * plans in chunks of 2,000 households), so it is a growth policy, not a tight cap.
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=384"];
