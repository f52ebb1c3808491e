/** The look every screen shares (web/src/lib/styles.css): the keyboard focus ring stands out (issue 8, item 7). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../web/src/lib/styles.css', import.meta.url), 'utf8');

function colour(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(css);
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return m[1]!;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('focus ring', () => {
  it('should be drawn in the focus colour, with a contrast of at least 3:1 against the page and the panels', () => {
    expect(css).toMatch(/:focus-visible\s*\{\s*outline:\s*3px solid var\(--focus\);/);
    expect(contrast(colour('focus'), colour('bg'))).toBeGreaterThanOrEqual(3);
    expect(contrast(colour('focus'), colour('surface'))).toBeGreaterThanOrEqual(3);
    // The amber ring it replaces had 1.9:1 on white: the check can fail.
    expect(contrast('#f0b429', '#ffffff')).toBeLessThan(3);
  });
});
