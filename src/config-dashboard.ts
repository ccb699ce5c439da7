/** Dashboard settings of `parseConfig`: the keys live in `dashboardEnvShape`, spread into `configSchema`. */
import { z } from "zod";

export const dashboardEnvShape = {
  /** The failed look-up alarm rings when the last hour's failures reach this multiple of the trailing hourly average… */
  LOOKUP_ALARM_MULTIPLE: z.coerce.number().min(1).max(1000).default(5),
  /** …and at least this many, so a quiet system does not ring on three typos. */
  LOOKUP_ALARM_FLOOR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /**
   * Proxies (IPs or IPv4 CIDRs, comma-separated) whose X-Forwarded-For is believed; from any
   * other peer the header is ignored and the peer's own address counts (sign-in throttling).
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrCidr), { message: "TRUSTED_PROXIES: comma-separated IP addresses or IPv4 CIDRs (e.g. 10.0.0.0/8,127.0.0.1)" }),
  /** Password checks (PBKDF2) per second for the whole process: a sign-in flood cannot starve webhooks of CPU. */
  LOGIN_CHECKS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(5),
};

function isAddressOrCidr(text: string): boolean {
  const [ip, bits, ...rest] = text.split("/");
  if (rest.length > 0 || !ip) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) && (bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32));
  return bits === undefined && /^[0-9a-f:]+$/i.test(ip) && ip.includes(":");
}

type DashboardEnvKeys = z.infer<z.ZodObject<typeof dashboardEnvShape>>;

export interface DashboardConfig {
  lookupAlarm: { multiple: number; floor: number };
  trustedProxies: string[];
  loginChecksPerSecond: number;
}

export function dashboardConfig(e: DashboardEnvKeys): DashboardConfig {
  return { lookupAlarm: { multiple: e.LOOKUP_ALARM_MULTIPLE, floor: e.LOOKUP_ALARM_FLOOR }, trustedProxies: e.TRUSTED_PROXIES, loginChecksPerSecond: e.LOGIN_CHECKS_PER_SECOND };
}
