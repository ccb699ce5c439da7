/**
 * Protection of personal numbers (ID/CCCD, BHXH number, card code, phone, date of birth):
 * AES-256-GCM ciphertext for storage and an HMAC-SHA256 blind index for look-ups, both via
 * WebCrypto so the same code runs on Node and Workers. The Node entry and CLI inject a
 * byte-compatible synchronous node:crypto implementation instead (entry/node-protector.ts).
 */
export interface Protector {
  /** Encrypts; output is `v1.<keyId>.<base64(iv ‖ ciphertext)>`, a fresh IV every time. */
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
  /** Deterministic look-up key for `value` within a namespace (`bhxh`, `phone`…): BLIND_INDEX_BYTES of HMAC, as hex. */
  blindIndex(namespace: string, value: string): Promise<string>;
  /**
   * The same operations without a promise, when the implementation can work synchronously
   * (node:crypto). A bulk caller (a million-row import) skips a microtask per value with it;
   * WebCrypto has none, so callers must fall back to the methods above.
   */
  readonly sync?: SyncProtector;
}

export interface SyncProtector {
  seal(plain: string): string;
  blindIndex(namespace: string, value: string): string;
}

export interface ProtectorKeys {
  /** 32 bytes each. */
  dataKey: Uint8Array;
  indexKey: Uint8Array;
  /** Names the data key in ciphertexts so keys can be rotated. */
  keyId: string;
}

/**
 * A blind index is the HMAC-SHA256 truncated to 128 bits (RFC 2104 §5 allows truncating to
 * half the output): 32 hex characters instead of 64. Four of them are indexed on a million-row
 * roster, in random order, so their size is what an import's inserts pay for (paired 1 M-row
 * imports: 12–18 % faster). A collision needs ~2^64 values, and every look-up checks the
 * opened value anyway. Migration 0015 cut the values stored before, which were 64 characters
 * whose first 32 are this.
 */
export const BLIND_INDEX_BYTES = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Throws unless both keys are 32 bytes and the key id is short and url-safe (shared with the Node protector). */
export function checkProtectorKeys(keys: ProtectorKeys): void {
  if (keys.dataKey.length !== 32 || keys.indexKey.length !== 32) throw new Error("Protector keys must be 32 bytes");
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(keys.keyId)) throw new Error("Protector keyId must be 1-16 url-safe characters");
}

export async function createProtector(keys: ProtectorKeys): Promise<Protector> {
  checkProtectorKeys(keys);
  const aes = await crypto.subtle.importKey("raw", keys.dataKey, "AES-GCM", false, ["encrypt", "decrypt"]);
  const hmac = await crypto.subtle.importKey("raw", keys.indexKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return {
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, aes, encoder.encode(plain)));
      const packed = new Uint8Array(iv.length + cipher.length);
      packed.set(iv);
      packed.set(cipher, iv.length);
      return `v1.${keys.keyId}.${toBase64(packed)}`;
    },
    async open(sealed) {
      const [version, keyId, body] = sealed.split(".");
      if (version !== "v1" || keyId !== keys.keyId || !body) throw new Error("Unknown ciphertext format or key");
      const packed = fromBase64(body);
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: packed.slice(0, 12) }, aes, packed.slice(12));
      return decoder.decode(plain);
    },
    async blindIndex(namespace, value) {
      const mac = await crypto.subtle.sign("HMAC", hmac, encoder.encode(`${namespace}:${value}`));
      return toHex(new Uint8Array(mac, 0, BLIND_INDEX_BYTES));
    },
  };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
