/**
 * The address a sign-in came from, as far as it can be trusted. The peer (the TCP connection,
 * or Cloudflare's edge) is a fact; `X-Forwarded-For` is whatever the client wrote, unless the
 * peer is one of our own proxies (TRUSTED_PROXIES). Then the header is read from the right,
 * skipping our proxies: the first address not ours is the client (anything left of it may be forged).
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: readonly string[]): string {
  const direct = peer ? plain(peer) : undefined;
  if (!direct) return "unknown";
  if (!forwardedFor || !isTrusted(direct, trusted)) return direct;
  const hops = forwardedFor.split(",").map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(hops[i]!, trusted)) return hops[i]!;
  }
  return hops[0] ?? direct;
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) is 10.0.0.1. */
function plain(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

export function isTrusted(address: string, trusted: readonly string[]): boolean {
  return trusted.some((entry) => (entry.includes("/") ? inCidr(address, entry) : plain(entry) === address));
}

function inCidr(address: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const a = ipv4(address);
  const b = ipv4(base ?? "");
  if (a === undefined || b === undefined) return false;
  const bits = Number(bitsText);
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function ipv4(address: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}
