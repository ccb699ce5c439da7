/**
 * Zalo text has no buttons we can rely on for every client, so choices become "1. …" lines;
 * the core answers a number with the matching choice (as on SMS).
 */
export function renderChoices(text: string, buttons?: { label: string }[][]): string {
  const choices = buttons?.flat() ?? [];
  return [text, ...choices.map((b, i) => `${i + 1}. ${b.label}`)].join("\n");
}

/** Splits text into parts of at most `max` characters, at a line break or space when there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    // No good break (one very long word): cut hard, but never inside a surrogate pair.
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(window[max - 1]!) ? max - 1 : max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
