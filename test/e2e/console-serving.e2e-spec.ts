/**
 * The service serves a built console at `/` (WEB_ROOT), beside the API, and nothing while there is
 * no build: the console's routes live in the URL's hash, so no API path is shadowed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the web console at /', () => {
  let web: string;
  let t: TestApp;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><html lang="zh-CN"><title>重大行政决策程序管理</title><script type="module" src="/assets/app.js"></script></html>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp({ env: { WEB_ROOT: web } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the page and its scripts, under the same security headers as the API', async () => {
    const page = await t.http.get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('重大行政决策程序管理');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await t.http.get('/assets/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('leaves every API route as it was', async () => {
    await t.http.get('/health').expect(200);
    const unknown = await t.http.get('/assets/none.js');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    await t.http.get('/decisions').expect(401);
  });

  it('serves nothing without a build', async () => {
    const bare = await createTestApp();
    try {
      const res = await bare.http.get('/');
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await bare.close();
    }
  });
});
