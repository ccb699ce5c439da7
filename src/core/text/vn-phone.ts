/**
 * Vietnamese mobile numbers for the roster, in the one canonical form of `normalizePhone`
 * (core/sms/phone.ts): "84" + 9 digits, so a number typed as "+84 91 234 5678",
 * "0912345678" or "091.234.5678" seals and blind-indexes to the same `phone` index as the
 * SMS channel's senders. Only mobile prefixes are accepted: a roster phone is for SMS.
 */

/** Mobile prefixes since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x. */
const MOBILE = /^0[35789]\d{8}$/;
/**
 * 0100xxxxxx: the project's documented fictional range (010x was retired), used by the
 * demo roster and the benchmarks; accepted so synthetic data imports like real data.
 */
const FICTIONAL = /^0100\d{6}$/;

/** The canonical form ("84…"), or undefined when the text is not a Vietnamese mobile number. */
export function normalizeVnMobile(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0.\-()]/g, "");
  const national = /^\+?84(\d{9})$/.exec(compact)?.[1] ?? /^0(\d{9})$/.exec(compact)?.[1];
  if (national === undefined) return undefined;
  const canonical = `0${national}`;
  return MOBILE.test(canonical) || FICTIONAL.test(canonical) ? `84${national}` : undefined;
}
