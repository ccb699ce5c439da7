/**
 * The form in which names are compared: lower case, no diacritics (so NFC/NFD input and
 * old/new tone placement such as Hoà/Hòa agree), đ → d, punctuation folded to single spaces.
 */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
