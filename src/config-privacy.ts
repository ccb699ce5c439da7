/** Privacy and abuse settings of `parseConfig`: the keys live in `privacyEnvShape`, spread into `configSchema`. */
import { z } from "zod";
import { senderKey } from "./values/sender-key";

/** A 32-byte key written as base64 (`openssl rand -base64 32`). */
export const base64Key = z.string().refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), "must be 32 bytes in base64");

export const privacyEnvShape = {
  /** The keys being replaced, read only by `bhyt keys rotate`. */
  OLD_DATA_ENCRYPTION_KEY: base64Key.optional(),
  OLD_BLIND_INDEX_KEY: base64Key.optional(),
  OLD_DATA_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional(),
  /** Gateway and short-code numbers whose inbound SMS are ignored (auto-replies would loop). */
  SMS_DENY_NUMBERS: z.string().regex(/^[\w+ .,;()-]*$/).default(""),
  /** Raw inbound texts (tally messages) are kept this many days for audit, then purged. */
  INBOUND_TEXT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Finished outbox messages (and their delivery attempts) are deleted after this many days. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(180),
  /** Node, without DATA_ENCRYPTION_KEY/BLIND_INDEX_KEY: where the generated keys live (default beside, not inside, the data directory). */
  KEYS_PATH: z.string().min(1).optional(),
};

type PrivacyEnv = z.infer<z.ZodObject<typeof privacyEnvShape>>;

export interface PrivacyConfig {
  /** Present when OLD_DATA_ENCRYPTION_KEY and OLD_BLIND_INDEX_KEY are both set. */
  oldKeys?: { dataEncryptionKey: string; blindIndexKey: string; dataKeyId?: string };
  /** Senders as `senderKey` writes them (84…, short codes upper case); their SMS never reach the core. */
  smsDenyNumbers: string[];
  inboundTextRetentionDays: number;
  outboxRetentionDays: number;
  keysPath?: string;
}

export function privacyConfig(e: PrivacyEnv): PrivacyConfig {
  const deny = e.SMS_DENY_NUMBERS.split(/[,;]/)
    .map((n) => n.trim())
    .filter((n) => n !== "")
    .map(senderKey);
  return {
    oldKeys:
      e.OLD_DATA_ENCRYPTION_KEY && e.OLD_BLIND_INDEX_KEY
        ? { dataEncryptionKey: e.OLD_DATA_ENCRYPTION_KEY, blindIndexKey: e.OLD_BLIND_INDEX_KEY, dataKeyId: e.OLD_DATA_KEY_ID }
        : undefined,
    smsDenyNumbers: [...new Set(deny)],
    inboundTextRetentionDays: e.INBOUND_TEXT_RETENTION_DAYS,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    keysPath: e.KEYS_PATH,
  };
}
