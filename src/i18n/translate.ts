import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { LOCALES, type Locale } from "../config";

export type MessageArgs = Record<string, FluentVariable>;

/** Looks up a message in the user's locale, falling back to Vietnamese, then to the key. */
export type Translator = (locale: Locale, key: string, args?: MessageArgs) => string;

/** Catalogue sources by locale: the entry loads them (fs on Node, bundled text on Workers). */
export type MessageSources = Record<Locale, string>;

export function createTranslator(sources: MessageSources, fallback: Locale = "vi"): Translator {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    // Isolation marks (U+2068/U+2069) would end up inside SMS and chat text.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(sources[locale]));
    if (errors.length > 0) throw new Error(`messages/${locale}.ftl: ${errors[0]?.message}`);
    bundles.set(locale, bundle);
  }
  return (locale, key, args) => {
    for (const candidate of [locale, fallback]) {
      const bundle = bundles.get(candidate);
      const message = bundle?.getMessage(key);
      if (bundle && message?.value) return bundle.formatPattern(message.value, args);
    }
    return key;
  };
}

/** Picks a supported locale from a hint such as Telegram's `language_code` or `--lang`. */
export function negotiateLocale(hint: string | undefined, fallback: Locale): Locale {
  const base = hint?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : fallback;
}
