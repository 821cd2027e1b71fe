/**
 * P6: POST /catalogs/:id/items/import of 10,000 rows through the built service (a child process on a
 * fresh SQLite file, as P2), all or nothing: the time from sending the file to the 201, for an XLSX
 * and a CSV, each into a catalog of its own; then the same file with its last row bad, which must
 * be refused whole (400, nothing written). The limit is 10 s: ratio = time ÷ limit, ≤ 1 meets it.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { HEADERS } from '../../src/catalogs/catalog-columns';
import { removeDb, round, tmpDbPath, type Bench, type BenchFigure } from './harness';
import { ADMIN_PASSWORD, Client, startServer, USER_PASSWORD } from './p2-http';

const ROWS = Number(process.env.P6_ROWS ?? 10_000);
const LIMIT_S = 10;

/** The cells of row i, in the order of HEADERS: every kind of cell a department fills. */
function cells(i: number, bad = false): string[] {
  const waived = i % 2 === 1;
  return [
    String(i + 1),
    `决策事项 ${i + 1}：城区公共服务设施建设方案`,
    '前进区人民政府',
    '区发改局',
    '《中华人民共和国城乡规划法》第二十条\n《重大行政决策程序暂行条例》',
    waived ? '公众参与、风险评估、合法性审查、集体讨论决定、向同级党委请示报告' : '公众参与、听证会、专家论证、风险评估、合法性审查、集体讨论决定、向同级党委请示报告',
    bad ? '明年三月' : '2026-12-31',
    i % 3 === 0 ? '重要规划' : '重大公共政策和措施',
    '2026-03-02',
    i % 5 === 0 ? '是' : '否',
    waived ? '听证会：不涉及价格等须经听证的事项\n专家论证：已有国家和省级技术规范' : '',
  ];
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录事项');
  ws.addRow([...HEADERS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][]): Buffer {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from(`\ufeff${[[...HEADERS], ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function upload(port: number, catalogId: string, token: string, body: Buffer, name: string): Promise<{ status: number; ms: number; text: string }> {
  const form = new FormData();
  form.append('file', new Blob([body]), name);
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/catalogs/${catalogId}/items/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t0, text };
}

export const p6Bench: Bench = {
  id: 'P6',
  async run(opts) {
    const dbPath = tmpDbPath('p6');
    const { child, port } = await startServer('FULL', dbPath);
    const c = new Client(port);
    const figures: BenchFigure[] = [];
    try {
      const login = async (username: string, password: string) => (await c.expect(200, 'POST', '/auth/login', { username, password })).accessToken as string;
      const admin = await login('admin', ADMIN_PASSWORD);
      const gov = (await c.expect(201, 'POST', '/org-units', { name: '前进区人民政府', kind: 'government' }, admin)).id as string;
      await c.expect(201, 'POST', '/org-units', { name: '区发改局', kind: 'department', parentId: gov }, admin);
      await c.expect(201, 'POST', '/users', { username: 'zfb', password: USER_PASSWORD, displayName: '区政府办', orgUnitId: gov, roles: ['office'] }, admin);
      const office = await login('zfb', USER_PASSWORD);
      const catalog = async (year: number) => (await c.expect(201, 'POST', '/catalogs', { organId: gov, year }, office)).id as string;
      const itemCount = async (id: string) => (await c.expect(200, 'GET', `/catalogs/${id}?pageSize=1`, undefined, office)).itemCount as number;

      const good = Array.from({ length: ROWS }, (_, i) => cells(i));
      const badLast = [...good.slice(0, -1), cells(ROWS - 1, true)];
      let year = 2026;
      for (const [format, make] of [['xlsx', xlsx], ['csv', async (rows: string[][]) => csv(rows)]] as const) {
        const file = await make(good);
        const refusedFile = await make(badLast);
        opts.log(`P6 ${format}: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(2)} MB`);

        const target = await catalog(year++);
        const ok = await upload(port, target, office, file, `catalog.${format}`);
        const imported = await itemCount(target);
        const bad = await catalog(year++);
        const refused = await upload(port, bad, office, refusedFile, `catalog.${format}`);
        const left = await itemCount(bad);
        opts.log(`P6 ${format}: ${ok.status} in ${ok.ms.toFixed(0)} ms (${imported} items); last row bad: ${refused.status} in ${refused.ms.toFixed(0)} ms (${left} items)`);

        const error =
          ok.status !== 201 || imported !== ROWS
            ? `import answered ${ok.status} with ${imported} items: ${ok.text.slice(0, 300)}`
            : refused.status !== 400 || left !== 0
              ? `a file with a bad last row answered ${refused.status} and left ${left} items`
              : undefined;
        const seconds = ok.ms / 1000;
        figures.push({
          id: 'P6',
          ours: error ? null : round(seconds),
          reference: LIMIT_S,
          ratio: error ? null : round(seconds / LIMIT_S),
          unit: `s (${ROWS.toLocaleString('en-US')} rows)`,
          target: `<= 1 (${ROWS.toLocaleString('en-US')} rows imported in <= ${LIMIT_S} s, all or nothing)`,
          format,
          fileMb: round(file.length / 1024 / 1024),
          refusedWholeInS: round(refused.ms / 1000),
          ...(error ? { error } : {}),
        });
      }
    } finally {
      c.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      removeDb(dbPath);
    }
    return figures;
  },
};
