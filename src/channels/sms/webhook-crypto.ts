/** WebCrypto helpers for webhook signatures (Node and Workers alike; no node:crypto). */
const encoder = new TextEncoder();

async function hmac(hash: "SHA-1" | "SHA-256", key: string, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
}

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  return [...(await hmac("SHA-256", key, message))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function hmacSha1Base64(key: string, message: string): Promise<string> {
  let binary = "";
  for (const b of await hmac("SHA-1", key, message)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
