/** Operations settings of `parseConfig` (metrics): the keys live in `opsEnvShape`, spread into `configSchema`. */
import { z } from "zod";

export const opsEnvShape = {
  /** When set, `GET /metrics` requires `Authorization: Bearer <METRICS_TOKEN>`; leave unset when only a local scraper can reach the port. */
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,256}$/, "16–256 printable characters").optional(),
};

type OpsEnv = z.infer<z.ZodObject<typeof opsEnvShape>>;

export interface OpsConfig {
  metricsToken?: string;
}

export function opsConfig(e: OpsEnv): OpsConfig {
  return { metricsToken: e.METRICS_TOKEN };
}
