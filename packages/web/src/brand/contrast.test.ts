import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast, mix, relativeLuminance } from './contrast';

describe('contrast', () => {
  it('computes the luminance of the extremes', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
  });

  // Reference ratios from the WebAIM contrast checker.
  it.each([
    ['#000000', '#ffffff', 21],
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#0000ff', '#ffffff', 8.59],
    ['#ff0000', '#ffffff', 4],
    ['#008000', '#ffffff', 5.14],
    ['#ffffff', '#1d4ed8', 6.7],
  ])('%s on %s is %s:1', (foreground, background, ratio) => {
    expect(contrastRatio(foreground, background)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(background, foreground)).toBeCloseTo(ratio, 1);
  });

  it('keeps a colour that passes, and darkens one that fails on a light background', () => {
    expect(ensureContrast('#767676', '#ffffff')).toBe('#767676');
    const adjusted = ensureContrast('#f5a623', '#ffffff');
    expect(adjusted).not.toBe('#f5a623');
    expect(contrastRatio(adjusted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // The smallest 5 % step toward black that passes: the step before it fails.
    const step = [...Array(21).keys()].find((k) => mix('#f5a623', '#000000', k / 20) === adjusted);
    expect(step).toBeGreaterThan(0);
    expect(
      contrastRatio(mix('#f5a623', '#000000', ((step ?? 1) - 1) / 20), '#ffffff'),
    ).toBeLessThan(4.5);
  });

  it('lightens a colour that fails on a dark background', () => {
    const adjusted = ensureContrast('#333333', '#101010');
    expect(contrastRatio(adjusted, '#101010')).toBeGreaterThanOrEqual(4.5);
    expect(relativeLuminance(adjusted)).toBeGreaterThan(relativeLuminance('#333333'));
  });
});
