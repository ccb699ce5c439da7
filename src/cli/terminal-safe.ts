/**
 * Text from the database (imported names, addresses) reaches a terminal through the CLI. An
 * escape sequence in a name could clear the screen, rewrite earlier lines or set the window
 * title, and bidi overrides can reorder what an operator reads. Such characters are shown as
 * visible escapes (`\x1b`, `\u202e`); line breaks and tabs of our own messages stay.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
