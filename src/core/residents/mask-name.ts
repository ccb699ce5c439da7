/**
 * "Nguyễn Thị Mẫu Lan" → "N*** T*** M*** Lan": enough for the holder to recognise the card,
 * too little for someone else to learn who it belongs to.
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const given = words.at(-1)!;
  const masked = words.slice(0, -1).map((w) => `${[...w][0]}***`);
  return [...masked, words.length === 1 ? `${[...given][0]}***` : given].join(" ");
}
