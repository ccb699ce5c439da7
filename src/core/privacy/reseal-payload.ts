import { ROSTER_INDEX } from "../imports/card-payload";
import { PHONE_INDEX } from "../sms/phone";

/**
 * Sealed payload fields with a blind index beside them: the card import's staged row
 * (`dobEnc`/`dobIdx`…) and a reminder to a roster phone (`toEnc`/`phoneIdx`).
 */
const PAYLOAD_INDEX: Record<string, [idxKey: string, namespace: string]> = {
  dobEnc: ["dobIdx", ROSTER_INDEX.dob],
  bhxhEnc: ["bhxhIdx", ROSTER_INDEX.bhxh],
  idEnc: ["idIdx", ROSTER_INDEX.id],
  phoneEnc: ["phoneIdx", ROSTER_INDEX.phone],
  cardEnc: ["cardIdx", ROSTER_INDEX.card],
  toEnc: ["phoneIdx", PHONE_INDEX],
};

/**
 * A JSON payload with every sealed `…Enc` string re-sealed (and its `…Idx` recomputed); undefined
 * when nothing changed. Nested objects are reworked the same way: a Zalo OA reminder carries the
 * roster phone as `fallback: { toEnc, phoneIdx }` for when the chat window has closed.
 */
export async function resealObject(
  payload: Record<string, unknown>,
  reseal: (v: string | null) => Promise<string | null>,
  reindex: ((namespace: string, v: string | null) => Promise<string | null>) | undefined,
): Promise<Record<string, unknown> | undefined> {
  const next: Record<string, unknown> = { ...payload };
  let changed = false;
  for (const [key, value] of Object.entries(payload)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const inner = await resealObject(value as Record<string, unknown>, reseal, reindex);
      if (inner) {
        next[key] = inner;
        changed = true;
      }
      continue;
    }
    if (!key.endsWith("Enc") || typeof value !== "string" || !value.startsWith("v1.")) continue;
    const sealed = await reseal(value);
    if (sealed !== value) {
      next[key] = sealed;
      changed = true;
    }
    const pair = PAYLOAD_INDEX[key];
    if (reindex && pair && typeof payload[pair[0]] === "string") {
      next[pair[0]] = await reindex(pair[1], value);
      changed = true;
    }
  }
  return changed ? next : undefined;
}
