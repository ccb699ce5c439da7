import { toUnaccented } from "../sms/segments";

/**
 * Whether `text` is one of `words` as people type Vietnamese: each letter as the word has it,
 * or bare (typed without its accent, as on most SMS keypads: "huy" for "hủy"). An accent that
 * is there must be the word's own, so "Đúng" (yes) is never "dừng" (stop). Words in
 * `accentRequired` match only as written: bare, they would be ambiguous ("dung").
 */
export function typedAs(text: string, words: readonly string[], accentRequired: readonly string[] = []): boolean {
  const typed = [...text.normalize("NFC").toLowerCase().trim().replace(/^\//, "").replace(/\s+/g, " ")];
  return words.some((word) => {
    const letters = [...word];
    if (letters.length !== typed.length) return false;
    if (accentRequired.includes(word)) return typed.join("") === word;
    return letters.every((letter, i) => typed[i] === letter || typed[i] === toUnaccented(letter));
  });
}
