/**
 * WCAG 2.x contrast, for the brand's colours: relative luminance of sRGB colours and the
 * contrast ratio between two of them (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 * Colours are `#rrggbb`, the only form the brand file accepts.
 */

/** AA for normal text (1.4.3); large text and UI components need 3:1, we ask 4.5 everywhere. */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 2, 3].map((i) => Number.parseInt(match[i] as string, 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** `hex` mixed with `toward` by `share` (0: hex, 1: toward). */
export function mix(hex: string, toward: string, share: number): string {
  const from = parseHex(hex);
  const to = parseHex(toward);
  return toHex(from.map((c, i) => c + ((to[i] as number) - c) * share) as Rgb);
}

/**
 * `foreground` itself when it reaches `min` on `background`; otherwise the smallest step
 * (5 % at a time) toward black or white, whichever side of the background has room, that does.
 * Always ends: pure black or white reaches 4.5:1 on any background.
 */
export function ensureContrast(foreground: string, background: string, min = AA_TEXT): string {
  if (contrastRatio(foreground, background) >= min) return foreground;
  const toward =
    contrastRatio('#000000', background) >= contrastRatio('#ffffff', background)
      ? '#000000'
      : '#ffffff';
  for (let step = 1; step <= 20; step++) {
    const candidate = mix(foreground, toward, step / 20);
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return toward;
}
