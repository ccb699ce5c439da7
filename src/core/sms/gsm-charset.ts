/**
 * The GSM 03.38 default alphabet. A message made only of these characters travels as 7-bit
 * septets (160 per single SMS); any other character switches the whole message to UCS-2 (70).
 */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** The extension table: each character is sent as ESC + code, so it costs two septets. */
const EXTENSION = "\f^{}\\[~]|€";

const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

/** Septets one code point costs in GSM-7, or undefined when it is not in the alphabet. */
export function gsmSeptets(char: string): 1 | 2 | undefined {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return undefined;
}

export function isGsmText(text: string): boolean {
  for (const char of text) if (gsmSeptets(char) === undefined) return false;
  return true;
}
