// AES-256-GCM for many short values at once, byte for byte what `createCipheriv("aes-256-gcm")`
// gives for each (NIST SP 800-38D, 96-bit IV, no additional data). Why: a `createCipheriv` costs
// ~5 µs whatever the value's size (key schedule, GHASH tables, a Cipher object), and an import
// row has six values: most of a million-row import's sealing. Here one AES-ECB call per batch
// encrypts every counter block of every value (AES-NI, ~ns a block), and GHASH (one to three
// blocks a value) runs in JS over 8-bit tables of the hash key. Plain JavaScript, used by
// seal-worker.mjs; test/cli/seal-gcm.test.ts compares it with node:crypto on fixed IVs.
// The tables' look-ups depend on the data (not constant time): fine for a batch import on
// the operator's own machine, which is the only caller; the server keeps node:crypto.
import { createCipheriv } from "node:crypto";

const BLOCK = 16;
const IV_BYTES = 12;

/** T[i * 256 + b] (4 words each) = the block with byte b at position i, times H, in GF(2^128). */
function hashTables(h) {
  const tables = new Uint32Array(16 * 256 * 4);
  // x^k · H for k = 0..127 (bit k of a block is byte k >> 3, most significant bit first).
  let v0 = h.readUInt32BE(0);
  let v1 = h.readUInt32BE(4);
  let v2 = h.readUInt32BE(8);
  let v3 = h.readUInt32BE(12);
  const powers = new Uint32Array(128 * 4);
  for (let k = 0; k < 128; k++) {
    powers.set([v0, v1, v2, v3], k * 4);
    const carry = v3 & 1;
    v3 = ((v3 >>> 1) | (v2 << 31)) >>> 0;
    v2 = ((v2 >>> 1) | (v1 << 31)) >>> 0;
    v1 = ((v1 >>> 1) | (v0 << 31)) >>> 0;
    v0 = (v0 >>> 1) ^ (carry ? 0xe1000000 : 0);
  }
  for (let i = 0; i < 16; i++) {
    for (let b = 0; b < 256; b++) {
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < 8; j++) {
        if (!(b & (0x80 >> j))) continue;
        const p = (i * 8 + j) * 4;
        t0 ^= powers[p];
        t1 ^= powers[p + 1];
        t2 ^= powers[p + 2];
        t3 ^= powers[p + 3];
      }
      tables.set([t0 >>> 0, t1 >>> 0, t2 >>> 0, t3 >>> 0], (i * 256 + b) * 4);
    }
  }
  return tables;
}

/**
 * A sealer for one 32-byte key: `sealAll(plains, ivs)` → for each plain (a Buffer) the
 * bytes `iv ‖ ciphertext ‖ tag`, `ivs` holding 12 bytes per value.
 */
export function createGcmSealer(key) {
  const ecb = () => createCipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const tables = hashTables(ecb().update(Buffer.alloc(BLOCK)));
  const y = new Uint32Array(4);
  // Y = (Y ⊕ block) · H, the block read from buf at offset (16 bytes, zero past `end`).
  const absorb = (buf, offset, end) => {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let i = 0; i < BLOCK; i++) {
      const at = offset + i;
      const byte = at < end ? buf[at] : 0;
      const shift = 24 - 8 * (i & 3);
      const w = i >> 2;
      const b = ((y[w] >>> shift) & 0xff) ^ byte;
      const t = (i * 256 + b) * 4;
      z0 ^= tables[t];
      z1 ^= tables[t + 1];
      z2 ^= tables[t + 2];
      z3 ^= tables[t + 3];
    }
    y[0] = z0;
    y[1] = z1;
    y[2] = z2;
    y[3] = z3;
  };
  return {
    sealAll(plains, ivs) {
      // Counter blocks: J0 = IV ‖ 1 masks the tag, IV ‖ 2, 3… encrypt the value.
      let blocks = 0;
      for (const p of plains) blocks += 1 + Math.ceil(p.length / BLOCK);
      const counters = Buffer.alloc(blocks * BLOCK);
      let at = 0;
      for (let v = 0; v < plains.length; v++) {
        const n = 1 + Math.ceil(plains[v].length / BLOCK);
        for (let c = 0; c < n; c++, at += BLOCK) {
          ivs.copy(counters, at, v * IV_BYTES, v * IV_BYTES + IV_BYTES);
          counters.writeUInt32BE(c + 1, at + IV_BYTES);
        }
      }
      const stream = ecb().update(counters);
      const out = [];
      at = 0;
      for (let v = 0; v < plains.length; v++) {
        const plain = plains[v];
        const sealed = Buffer.allocUnsafe(IV_BYTES + plain.length + BLOCK);
        ivs.copy(sealed, 0, v * IV_BYTES, v * IV_BYTES + IV_BYTES);
        const mask = at;
        at += BLOCK;
        for (let i = 0; i < plain.length; i++) sealed[IV_BYTES + i] = plain[i] ^ stream[at + i];
        at += Math.ceil(plain.length / BLOCK) * BLOCK;
        y.fill(0);
        const end = IV_BYTES + plain.length;
        for (let o = IV_BYTES; o < end; o += BLOCK) absorb(sealed, o, end);
        // The lengths block: 0 bits of additional data, then the ciphertext's bits.
        const lengths = Buffer.alloc(BLOCK);
        lengths.writeUInt32BE(Math.floor(plain.length / 0x20000000), 8);
        lengths.writeUInt32BE((plain.length * 8) >>> 0, 12);
        absorb(lengths, 0, BLOCK);
        for (let w = 0; w < 4; w++) sealed.writeUInt32BE((y[w] ^ stream.readUInt32BE(mask + 4 * w)) >>> 0, end + 4 * w);
        out.push(sealed);
      }
      return out;
    },
  };
}
