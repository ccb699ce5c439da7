import { normalizePhone, toNational } from "../sms/phone";

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
  // One parser for every phone form (normalizePhone); the roster adds the mobile check and,
  // unlike gateways, refuses 9 bare digits: in a spreadsheet that is a number that lost its 0.
  const compact = text.replace(/[\s\u00a0.\-()]/g, "");
  if (/^\d{9}$/.test(compact)) return undefined;
  const canonical = normalizePhone(compact);
  if (!canonical) return undefined;
  const national = toNational(canonical);
  return MOBILE.test(national) || FICTIONAL.test(national) ? canonical : undefined;
}
