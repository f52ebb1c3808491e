/**
 * Accessibility in the browser tests: axe-core (through @axe-core/playwright) on the page as the
 * person sees it, against WCAG 2 A and AA. A test asserts there is no serious or critical
 * violation; the list names each rule, its help text and the elements, so a failure says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical WCAG 2 A/AA violations on the page now, one line each; `within` (a CSS
 * selector) checks one part of a page that the shell test already checks whole (a large grid takes axe ~20 s). */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // axe.run in the page itself (the legacy mode), keeping details for violations only: the default
  // runs every frame's part, then opens a blank page to merge the parts and sends every passing
  // node back and forth, two to four times slower on the large screens. The app has no iframes,
  // the one thing the legacy mode leaves out.
  const builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const result = await (within ? builder.include(within) : builder).analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
