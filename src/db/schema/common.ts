import { integer } from "drizzle-orm/sqlite-core";

/** Creation time in ms since epoch; set by the application so both drivers agree. */
export const createdAt = () => integer({ mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date());
export const updatedAt = () =>
  integer({ mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

/** Channels a person can reach us through; `web` is the dashboard and `cli` the command line. */
export const CHANNELS = ["telegram", "zalo_oa", "zalo_bot", "sms", "web", "cli"] as const;
export type Channel = (typeof CHANNELS)[number];
