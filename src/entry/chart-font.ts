/**
 * @module The font of the progress pictures, shared by both chart-renderer entries.
 *
 * Be Vietnam Pro, designed for Vietnamese (every tone-marked letter, đ/Đ, ơ/ư), from the npm
 * package @expo-google-fonts/be-vietnam-pro: the font is SIL Open Font License 1.1 (its
 * LICENSE_FONT file), the package wrapper MIT. It ships plain TTF files, which resvg needs
 * (it reads neither WOFF nor WOFF2, and WASM has no system fonts). Two weights, about 130 kB
 * each: regular for labels, semi-bold (600) for the title and the commune total.
 */
export const CHART_FONT_FAMILY = "Be Vietnam Pro";

/** Package paths of the two TTF files; the Worker entry imports the same paths literally. */
export const CHART_FONT_FILES = [
  "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf",
  "@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf",
] as const;
