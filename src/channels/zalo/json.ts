/**
 * Zalo ids (user, OA, message) are 18–19 digit numbers that exceed 2^53. The platform usually
 * sends them as strings, but not everywhere; `JSON.parse` would silently round a bare one. So
 * every integer literal too long to be exact is quoted before parsing, and schemas read ids as
 * strings. Only digits outside string literals are touched.
 */
const SAFE_DIGITS = 15;

export function parseJsonKeepingIds(text: string): unknown {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      // Copy a whole string literal, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "-" || (ch >= "0" && ch <= "9")) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))!;
      const token = m[0];
      const isLongInteger = /^-?\d+$/.test(token) && token.replace("-", "").length > SAFE_DIGITS;
      out += isLongInteger ? `"${token}"` : token;
      i += token.length || 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return JSON.parse(out);
}
