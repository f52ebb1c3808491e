/**
 * The archive in a real Chromium (issue 14; R-65, clause 1.8): the director opens «Архив
 * документов» from the home and approves a stored summary sheet; the deputy finds it by period and
 * class, sees who approved it and when, re-verifies the checksums and downloads the approved copy.
 * Axe-clean. Lean: one sign-in per role; the archive's partition is put back afterwards.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../functions/http/clock';
import { keys } from '../../shared/db/keys';
import { renderPdf } from '../../shared/reports/pdf';
import { archiveDocument, type ArchivedDocument } from '../../shared/services/archive';
import { seriousViolations } from '../support/axe';
import { startBrowserStack, type BrowserStack } from '../support/browser';
import { keepPartitions } from '../support/partitions';
import { mskNoon, SCH, YEAR } from '../integration/journal-fixture';

const TITLE = 'Сводная ведомость учёта успеваемости, 5А, 1 четверть (e2e)';
let b: BrowserStack;
let restore: (() => Promise<void>) | undefined;
let doc: ArchivedDocument;

beforeAll(async () => {
  b = await startBrowserStack();
  setClock(() => mskNoon('2026-11-30'));
  restore = await keepPartitions([keys.archivePartition(SCH, YEAR)]);
  doc = await archiveDocument({
    schoolId: SCH,
    yearId: YEAR,
    periodId: '2026-q1',
    classId: '5a',
    kind: 'e2e-summary-marks',
    retention: 'summarySheets',
    title: TITLE,
    fileName: 'svodnaya-5a-2026-q1.pdf',
    body: await renderPdf({ content: [{ text: 'Сводная ведомость 5А' }] }),
    contentType: 'application/pdf',
    now: new Date('2026-11-03T21:20:00Z'),
  });
});

afterAll(async () => {
  setClock(null);
  await restore?.();
  await b?.stop();
});

const row = (page: Page) => page.getByTestId('archive').getByRole('row', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) });

describe('the archive of documents', () => {
  it('should let the director approve a stored document and the deputy find it approved', async () => {
    await b.inBrowser(async (page) => {
      await b.signIn(page, 'director');
      await page.getByRole('link', { name: 'Архив документов' }).first().click();
      await expect.poll(() => row(page).textContent()).toContain('не утверждён');
      expect(await row(page).textContent()).toContain('05.11.2051');
      expect(await row(page).textContent()).toContain(doc.sha256.slice(0, 12));
      page.once('dialog', (d) => void d.accept());
      await row(page).getByRole('button', { name: `Утвердить: ${TITLE}` }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('утверждён');
      await expect.poll(() => row(page).textContent()).toContain('утверждён 30.11.2026');
      expect(await seriousViolations(page)).toEqual([]);
    });

    await b.inBrowser(async (page) => {
      await b.signIn(page, 'deputy');
      await page.getByRole('link', { name: 'Архив документов' }).first().click();
      await page.getByLabel('Период').selectOption({ label: '1 четверть' });
      await page.getByLabel('Класс').selectOption({ label: '5А' });
      await page.getByLabel('Вид документа').selectOption({ label: TITLE });
      await page.getByRole('button', { name: 'Показать' }).click();
      await page.waitForURL(/period=2026-q1&class=5a&kind=e2e-summary-marks/);
      await expect.poll(() => row(page).textContent()).toContain('утверждён 30.11.2026');
      expect(await row(page).getByRole('button', { name: /Утвердить/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Проверить контрольные суммы' }).click();
      await expect.poll(() => row(page).getByTestId('check-state').textContent()).toBe('совпадает; утв. копия: совпадает');
      expect(await seriousViolations(page)).toEqual([]);

      const [file] = await Promise.all([page.waitForEvent('download'), row(page).getByRole('link', { name: `Утверждённая копия: ${TITLE}` }).click()]);
      const to = join(tmpdir(), `archive-e2e-${process.pid}.pdf`);
      await file.saveAs(to);
      const copy = readFileSync(to);
      expect(copy.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(copy.length).toBeGreaterThan(doc.size);

      // The year chosen is the year shown (the form once sent the shown year a second time, which won).
      await page.getByLabel('Учебный год').selectOption('2025');
      await page.getByRole('button', { name: 'Показать' }).click();
      await page.waitForURL(/year=2025/);
      expect(new URL(page.url()).searchParams.getAll('year')).toEqual(['2025']);
      await expect.poll(() => row(page).count()).toBe(0);
    });
  });
});
