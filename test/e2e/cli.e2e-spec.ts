/**
 * The command line (`npm run cli -- <command>`), run in this process on a SQLite file of its own
 * with the service's configuration: the demo (once, then refused with the database unchanged),
 * verify's exit codes, the accounts commands, and the catalog and archive commands. What the
 * commands wrote is then read through the HTTP service on the same file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/run-cli';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { passwordRulesBroken } from '../../src/users/password-policy';
import { csvOf, row } from '../support/catalog-files';
import { asInsider } from '../support/insider';
import { createTestApp, type TestApp } from '../support/test-app';

interface Run {
  code: number;
  out: string;
  err: string;
}

const STAGES = ['proposed', 'cataloged', 'drafting', 'legality_review', 'revising', 'awaiting_discussion', 'decided', 'reported', 'published', 'rejected', 'withdrawn'];

describe('the command line', () => {
  let dir: string;
  let config: AppConfig;
  let t: TestApp;
  let demo: Run;

  const cli = async (...argv: string[]): Promise<Run> => {
    let out = '';
    let err = '';
    const io = new CliIo((s) => (out += s), (s) => (err += s), 0);
    const code = await runCli(argv, config, io);
    return { code, out, err };
  };
  /** The password the demo printed for an account. */
  const passwordOf = (username: string): string => {
    const line = demo.out.split('\n').find((l) => l.trim().startsWith(`${username} `));
    return (line ?? '').trim().split(/\s+/)[1];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decisions-cli-'));
    config = loadConfig({ DB_PATH: join(dir, 'demo.sqlite'), BCRYPT_COST: '4', DEADLINE_SCAN_INTERVAL_MINUTES: '0' });
    demo = await cli('demo');
    t = await createTestApp({ env: { DB_PATH: config.database.path } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('demo', () => {
    it('fills the empty database with the 前进区 example and prints an account per role, each password passing the password rule and signing in', async () => {
      expect({ code: demo.code, err: demo.err.includes('错误') ? demo.err : '' }).toEqual({ code: 0, err: '' });
      for (const username of ['admin', 'zfb', 'fgj', 'wjj', 'hwjd', 'sfj', 'yfzqb']) {
        const password = passwordOf(username);
        expect([username, passwordRulesBroken(password ?? '', username)]).toEqual([username, []]);
        await t.login(username, password);
      }
    });

    it('holds twenty decisions over every stage of the published 2026 catalog, one refused skip, one overdue, every chain whole', async () => {
      const auditor = await t.login('yfzqb', passwordOf('yfzqb'));
      const list = await t.http.get('/decisions?year=2026&pageSize=100').set(t.bearer(auditor));
      const items = (list.body as { items: Array<{ title: string; stage: string }> }).items;
      expect(items).toHaveLength(20);
      expect([...new Set(items.map((i) => i.stage))].sort()).toEqual([...STAGES].sort());

      const catalogs = (await t.http.get('/public/catalogs?year=2026')).body as Array<{ organName: string; itemCount: number }>;
      expect(catalogs).toEqual([expect.objectContaining({ organName: '前进区人民政府' })]);

      const refused = await t.http.get('/audit/violations?category=skip').set(t.bearer(auditor));
      expect((refused.body as Array<{ code: string }>).map((v) => v.code)).toEqual(['LEGALITY_REVIEW_REQUIRED']);

      const overdue = await t.http.get('/audit/incomplete?year=2026&kind=overdue').set(t.bearer(auditor));
      expect((overdue.body as Array<{ title: string }>).map((r) => r.title)).toContain('城市内涝治理三年行动计划');

      const verify = await t.http.get('/audit/verify').set(t.bearer(auditor));
      expect(verify.body).toMatchObject({ ok: true, decisions: 20 });
    });

    it('is refused on a database that holds data: exit code 2, a Chinese message, the database unchanged', async () => {
      const before = await t.snapshot();
      const again = await cli('demo');
      expect(again.code).toBe(2);
      expect(again.err).toMatch(/^拒绝写入演示数据：数据库中已有数据（单位 5 条、账号 7 条/);
      expect(await t.snapshot()).toEqual(before);
    });
  });

  describe('verify', () => {
    it('exits 0 on whole chains, with its progress, then 1 naming the decision and the row once a row is changed', async () => {
      const whole = await cli('verify');
      expect(whole.code).toBe(0);
      expect(whole.out).toMatch(/^全部完整：20 件决策事项，\d+ 条记录/);
      expect(whole.err).toMatch(/已核验 20\/20（100%）件决策事项/);

      const [target] = await t.tx.read((tx) => tx.query<{ id: string; title: string }>("SELECT id, title FROM decision WHERE title = '城区集中供热价格调整方案'"));
      await asInsider(t, async (tx) => {
        await tx.execute("UPDATE procedure_record SET recorded_at = '2026-03-01T00:00:00.000Z' WHERE decision_id = ? AND seq = 3", [target.id]);
      });
      const broken = await cli('verify');
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`${target.id}「城区集中供热价格调整方案」第 3 条：该条记录的内容与其哈希值不符`);
    });
  });

  describe('a command line it cannot take', () => {
    it('is answered in Chinese with exit code 1: an unknown command (with the closest one), a missing argument, an unknown option', async () => {
      const unknown = await cli('verfy');
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('错误：未知的命令「verfy」。可用的命令：catalog、archive、users、verify、demo');
      expect(unknown.err).toContain('您是否要找「verify」？');
      const missing = await cli('archive', 'export');
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/错误：缺少参数「\S+」：在命令后加 --help 查看用法/);
      const option = await cli('verify', '--frob');
      expect(option.code).toBe(1);
      expect(option.err).toContain('错误：未知的选项「--frob」');
      for (const r of [unknown, missing, option]) expect(r.err).not.toMatch(/error:/);
    });
  });

  describe('users', () => {
    it('create prints a generated password that signs in; disable ends the account; reset-password prints a new one', async () => {
      const created = await cli('users', 'create', 'lisi', '--name', '区卫健局 李四', '--unit', '区卫健局', '--role', 'department');
      expect({ code: created.code, err: created.err }).toEqual({ code: 0, err: '' });
      const password = /初始密码：(\S+)/.exec(created.out)?.[1] as string;
      expect(passwordRulesBroken(password, 'lisi')).toEqual([]);
      await t.login('lisi', password);

      const reset = await cli('users', 'reset-password', 'lisi');
      expect(reset.code).toBe(0);
      const renewed = /新密码：(\S+)/.exec(reset.out)?.[1] as string;
      expect(renewed).not.toBe(password);
      expect((await t.http.post('/auth/login').send({ username: 'lisi', password })).status).toBe(401);
      await t.login('lisi', renewed);

      const disabled = await cli('users', 'disable', 'lisi');
      expect(disabled).toMatchObject({ code: 0, out: '已停用账号 lisi\n' });
      expect((await t.http.post('/auth/login').send({ username: 'lisi', password: renewed })).status).toBe(401);
    });

    it('applies the password rule and the units’ rules of POST /users: exit code 1, the reason in Chinese, nothing created', async () => {
      const weak = await cli('users', 'create', 'wangwu', '--name', '王五', '--unit', '区发改局', '--role', 'department', '--password', 'Woaini1314');
      expect(weak.code).toBe(1);
      expect(weak.err).toContain('这个密码过于常见');
      const nowhere = await cli('users', 'create', 'wangwu', '--name', '王五', '--unit', '区教育局', '--role', 'department');
      expect(nowhere).toMatchObject({ code: 1, err: '错误：没有名为「区教育局」的单位\n  --unit：单位不明确\n' });
      expect(await t.tx.read((tx) => tx.query("SELECT id FROM app_user WHERE username = 'wangwu'"))).toEqual([]);
    });
  });

  describe('catalogs and case files', () => {
    it('template, import as an account (its scope and role), export', async () => {
      const template = join(dir, 'template.xlsx');
      expect((await cli('catalog', 'template', template, '--as', 'zfb')).code).toBe(0);
      expect(readFileSync(template).subarray(0, 2).toString()).toBe('PK');

      const office = await t.login('zfb', passwordOf('zfb'));
      const created = await t.http.post('/catalogs').set(t.bearer(office)).send({ organId: (await t.tx.read((tx) => tx.query<{ id: string }>("SELECT id FROM org_unit WHERE name = '前进区人民政府'")))[0].id, year: 2027 });
      const catalogId = (created.body as { id: string }).id;
      const file = join(dir, 'items.csv');
      writeFileSync(file, csvOf([row({ title: '区级应急物资储备方案' }), row({ title: '城市更新专项规划', category: '重要规划' })]));

      const asReviewer = await cli('catalog', 'import', catalogId, file, '--as', 'sfj');
      expect(asReviewer.code).toBe(1);
      expect(asReviewer.err).toContain('错误：目录事项由本机关政府办或者决策承办单位提出\n');
      const imported = await cli('catalog', 'import', catalogId, file, '--as', 'fgj');
      expect(imported.code).toBe(0);
      expect(imported.out).toMatch(/^已导入 2 个目录事项（csv，用时/);

      const out = join(dir, 'catalog.xlsx');
      const exported = await cli('catalog', 'export', catalogId, out);
      expect(exported).toMatchObject({ code: 0, out: `已导出「前进区人民政府2027年度重大行政决策事项目录」到 ${out}\n` });
    });

    it('archive export writes the case file into a folder', async () => {
      const [d] = await t.tx.read((tx) => tx.query<{ id: string }>("SELECT id FROM decision WHERE title = '老旧小区改造三年规划'"));
      const folder = join(dir, 'case');
      const res = await cli('archive', 'export', d.id, folder);
      expect(res.code).toBe(0);
      expect(res.out).toContain('记录校验：完整');
      for (const name of ['index.html', 'materials.csv', 'record.json']) expect([name, existsSync(join(folder, name))]).toEqual([name, true]);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('<h1>老旧小区改造三年规划</h1>');
    });
  });
});
