/** Dashboard settings of `parseConfig`: the keys live in `dashboardEnvShape`, spread into `configSchema`. */
import { z } from "zod";

export const dashboardEnvShape = {
  /** The failed look-up alarm rings when the last hour's failures reach this multiple of the trailing hourly average… */
  LOOKUP_ALARM_MULTIPLE: z.coerce.number().min(1).max(1000).default(5),
  /** …and at least this many, so a quiet system does not ring on three typos. */
  LOOKUP_ALARM_FLOOR: z.coerce.number().int().min(1).max(1_000_000).default(20),
};

type DashboardEnvKeys = z.infer<z.ZodObject<typeof dashboardEnvShape>>;

export interface DashboardConfig {
  lookupAlarm: { multiple: number; floor: number };
}

export function dashboardConfig(e: DashboardEnvKeys): DashboardConfig {
  return { lookupAlarm: { multiple: e.LOOKUP_ALARM_MULTIPLE, floor: e.LOOKUP_ALARM_FLOOR } };
}
