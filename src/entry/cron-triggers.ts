/** @module The Cron Triggers the Worker reads besides the daily ones (those follow src/core/schedule/job-times.ts). */

/**
 * Every few minutes: only a dispatch kick (a safety net for lost kicks), never the daily jobs:
 * a cron under an hour apart gets 30 s of CPU, too little for a big roster's planning.
 */
export const KICK_CRON = "*/5 * * * *";
