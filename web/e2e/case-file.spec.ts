/**
 * The printed case file (一事一档): the `index.html` of GET /decisions/:id/archive, rendered in
 * Chromium as the archive office prints it (print media, A4 PDF), from the demo's archived decision.
 */
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';

const url = () => process.env.CONSOLE_URL as string;
const accounts = (): Record<string, string> => JSON.parse(process.env.CONSOLE_ACCOUNTS as string);

test('the case file prints in Chromium: cover, steps, the record with each row\'s hash, on A4 pages', async ({ page, request }) => {
  const login = await request.post(`${url()}/auth/login`, { data: { username: 'zfb', password: accounts().zfb } });
  const auth = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const list = await (await request.get(`${url()}/decisions`, { params: { stage: 'published', pageSize: 50 }, headers: auth })).json();
  const archived = list.items.find((d: { title: string }) => d.title === '城区集中供热价格调整方案');
  const zipped = await request.get(`${url()}/decisions/${archived.id}/archive`, { params: { format: 'zip' }, headers: auth });
  expect(zipped.status()).toBe(200);
  const zip = await JSZip.loadAsync(await zipped.body());
  const html = await zip.file('index.html')!.async('string');
  const record = JSON.parse(await zip.file('record.json')!.async('string'));

  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('城区集中供热价格调整方案');
  await expect(page.locator('body')).toContainText('重大行政决策事项档案 · 一事一档');
  await expect(page.locator('body')).toContainText('完整：');
  // Every row of the record is on the page with its hash.
  for (const row of record.record as Array<{ hash: string }>) await expect(page.locator('body')).toContainText(row.hash);
  await page.screenshot({ path: 'test-results/case-file-print.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync('test-results/case-file.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(1);
});
