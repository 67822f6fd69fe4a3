import { Decimal } from '@portal/tryton-client';
import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { epcPayload } from './epc-payload.js';
import { qrSvg } from './qr-svg.js';

// jsqr is CommonJS whose types declare an ES default export: the function is `.default`.
const jsQR = jsqr.default;

/** Pixels per module: what a phone's camera gets, roughly. */
const SCALE = 8;

/**
 * Draws the SVG's dark modules into RGBA pixels, reading its path the way a renderer does:
 * `M x y` moves to a point, `m dx dy` moves by an offset, `h n` strokes n modules to the
 * right, a stroke 1 module wide centred on y (qrcode's own shapes: anything else fails).
 */
function rasterize(svg: string): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !path) throw new Error('not a QR code SVG of qrcode');
  const width = size * SCALE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const row = Math.floor(y);
      for (let column = x; column < x + Number(a); column++) {
        for (let dy = 0; dy < SCALE; dy++) {
          for (let dx = 0; dx < SCALE; dx++) {
            const offset = ((row * SCALE + dy) * width + column * SCALE + dx) * 4;
            data.fill(0, offset, offset + 3);
          }
        }
      }
      x += Number(a);
    }
  }
  return { data, width, height: width };
}

describe('the EPC QR code as SVG', () => {
  it('decodes back to the exact payload, field by field', async () => {
    const payload = epcPayload({
      bic: 'AGRIFRPP',
      name: 'Épicerie Dupont & Fils',
      iban: 'FR7630006000011234567890189',
      amount: Decimal.from('498.53'),
      structuredReference: 'RF18539007547034',
      text: null,
    }) as string;
    const svg = await qrSvg(payload);
    expect(svg.startsWith('<svg')).toBe(true);
    const { data, width, height } = rasterize(svg);
    const code = jsQR(data, width, height);
    expect(code?.data).toBe(payload);
    expect(code?.data.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'AGRIFRPP',
      'Épicerie Dupont & Fils',
      'FR7630006000011234567890189',
      'EUR498.53',
      '',
      'RF18539007547034',
    ]);
    // EPC069-12 limits the code to version 13: 4 × 13 + 17 modules a side, plus the quiet zone.
    expect(width / SCALE).toBeLessThanOrEqual(4 * 13 + 17 + 8);
  });

  it('decodes the longest payload the standard allows', async () => {
    const payload = epcPayload({
      bic: 'AGRIFRPPXXX',
      name: 'N'.repeat(70),
      iban: 'FR7630006000011234567890189',
      amount: Decimal.from('999999999.99'),
      structuredReference: null,
      text: 'T'.repeat(140),
    }) as string;
    const { data, width, height } = rasterize(await qrSvg(payload));
    expect(jsQR(data, width, height)?.data).toBe(payload);
    expect(width / SCALE).toBeLessThanOrEqual(4 * 13 + 17 + 8);
  });
});
