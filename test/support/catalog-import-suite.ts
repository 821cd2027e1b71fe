/**
 * Catalogs as tables: the template, the import of a file of items (XLSX, CSV), all or nothing with
 * every bad row named, and the export in the published layout, which imports again as it was. Run
 * on SQLite (test/e2e) and PostgreSQL (*.pg.spec).
 */
import JSZip from 'jszip';
import { HEADERS } from '../../src/catalogs/catalog-columns';
import { STEP_LABELS } from '../../workflows/major-decision/v1/labels';
import { binary, csvOf, csvText, readWorkbook, row, xlsxOf } from './catalog-files';
import { createDistrict, type District } from './district';
import { createTestApp, expectProblem, type ProblemBody, type TestApp } from './test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportErrorBody {
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
  code?: string;
}
type ImportProblem = ProblemBody & { errors: ImportErrorBody[]; errorCount?: number };

interface ItemBody {
  id: string;
  title: string;
  category: string;
  undertakingUnitId: string;
  legalBasis: string[];
  affectsMarket?: boolean;
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  requirements?: Record<string, { required: boolean; reason?: string }>;
  stage?: string;
  restricted?: true;
}

/** Three items as the office would list them: every kind of requirement, the street office, market activity. */
function threeRows(): string[][] {
  return [
    row({ no: '1', title: '城区集中供热价格调整方案' }),
    row({
      no: '2',
      title: '老旧小区改造三年规划',
      category: '重要规划',
      legalBasis: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》',
      steps: '公众参与、风险评估、合法性审查、集体讨论决定、向同级党委请示报告',
      reasons: `${STEP_LABELS.hearing}：不涉及价格等须经听证的事项\n${STEP_LABELS.expertArgumentation}：改造标准已有国家和省级技术规范`,
      plannedStartOn: '2026/4/1',
      plannedDecisionOn: '2026年11月30日',
    }),
    row({
      no: '3',
      title: '港湾街道农贸市场搬迁方案',
      unit: '港湾街道',
      category: '重大公共建设项目',
      steps: '公众参与、专家论证、风险评估、合法性审查、集体讨论决定',
      reasons: `${STEP_LABELS.hearing}：已通过座谈会听取商户意见\n${STEP_LABELS.partyCommitteeReport}：已纳入街道党工委年度报告`,
      affectsMarket: '是',
      plannedStartOn: '',
      plannedDecisionOn: '',
    }),
  ];
}

export function catalogImportSuite(postgres: boolean): void {
  let t: TestApp;
  let d: District;
  /** The 2026 catalog of 前进区人民政府 (draft), where the good files go. */
  let catalogId: string;

  beforeAll(async () => {
    t = await createTestApp({ postgres });
    d = await createDistrict(t);
    catalogId = await newCatalog(2026);
  });
  afterAll(async () => t?.close());

  async function newCatalog(year: number): Promise<string> {
    const res = await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: d.units.gov.id, year });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  }

  const upload = (id: string, token: string, body: Buffer, filename: string, contentType?: string) =>
    t.http
      .post(`/catalogs/${id}/items/import`)
      .set(t.bearer(token))
      .attach('file', body, contentType ? { filename, contentType } : filename);

  const items = async (id: string, token = d.tokens.office): Promise<ItemBody[]> => {
    const res = await t.http.get(`/catalogs/${id}?pageSize=500`).set(t.bearer(token));
    expect(res.status).toBe(200);
    return (res.body as { items: ItemBody[] }).items;
  };

  /** An import refused with 400: nothing changed, every problem listed. */
  const refused = async (id: string, token: string, body: Buffer, filename: string, code = 'VALIDATION_FAILED'): Promise<ImportProblem> =>
    t.unchanged(async () => expectProblem(await upload(id, token, body, filename), 400, code) as ImportProblem);

  const pick = (errors: ImportErrorBody[]) => errors.map((e) => ({ row: e.row, column: e.column, ...(e.code ? { code: e.code } : {}) }));

  describe('the template', () => {
    it('is an XLSX with the columns, an example row that imports as it is, and a sheet explaining the columns, categories, steps and the units an office may name', async () => {
      const res = await t.http.get('/catalogs/template.xlsx').set(t.bearer(d.tokens.office)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const sheets = await readWorkbook(res.body as Buffer);
      expect(Object.keys(sheets)).toEqual(['目录事项', '填写说明']);
      expect(sheets['目录事项'][0]).toEqual([...HEADERS]);
      expect(sheets['目录事项'][1]).toContain('区司法局');
      const help = sheets['填写说明'].map((r) => r.join(' ')).join('\n');
      for (const header of HEADERS) expect(help).toContain(header);
      for (const word of ['重大公共政策和措施', '重要规划', '重大公共建设项目', STEP_LABELS.hearing, STEP_LABELS.partyCommitteeReport, '区发改局', '港湾街道', '前进区人民政府']) expect(help).toContain(word);
      expect(help).not.toContain('后进区');

      const year2030 = await newCatalog(2030);
      const imported = await upload(year2030, d.tokens.office, res.body as Buffer, '年度重大行政决策事项目录模板.xlsx');
      expect({ status: imported.status, text: imported.status === 201 ? '' : imported.text }).toEqual({ status: 201, text: '' });
    });

    it('lists only its own unit for a department, and is refused to the administrator', async () => {
      const res = await t.http.get('/catalogs/template.xlsx').set(t.bearer(d.tokens.department)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const help = (await readWorkbook(res.body as Buffer))['填写说明'].map((r) => r.join(' ')).join('\n');
      expect(help).toContain('区发改局');
      expect(help).not.toContain('区卫健局');
      expectProblem(await t.http.get('/catalogs/template.xlsx').set(t.bearer(d.tokens.admin)), 403, 'FORBIDDEN_ROLE');
    });
  });

  describe('a good file', () => {
    it('XLSX by the office: every row becomes an item in stage proposed, with what its cells say, in one answer naming each row', async () => {
      const res = await upload(catalogId, d.tokens.office, await xlsxOf(threeRows()), '2026年度目录.xlsx');
      expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
      const body = res.body as { imported: number; format: string; items: Array<{ row: number; id: string; title: string }> };
      expect(body).toMatchObject({ catalogId, format: 'xlsx', imported: 3 });
      expect(body.items.map((i) => [i.row, i.title])).toEqual([
        [2, '城区集中供热价格调整方案'],
        [3, '老旧小区改造三年规划'],
        [4, '港湾街道农贸市场搬迁方案'],
      ]);
      const [a, b, c] = await items(catalogId);
      expect(a).toMatchObject({
        title: '城区集中供热价格调整方案',
        category: 'public_policy',
        undertakingUnitId: d.units.ndrc.id,
        legalBasis: ['《中华人民共和国价格法》第二十三条', '《政府制定价格听证办法》'],
        affectsMarket: false,
        plannedStartOn: '2026-03-02',
        plannedDecisionOn: '2026-12-31',
        stage: 'proposed',
      });
      expect(a.requirements).toEqual({
        publicParticipation: { required: true },
        hearing: { required: true },
        expertArgumentation: { required: true },
        riskAssessment: { required: true },
        partyCommitteeReport: { required: true },
      });
      expect(b).toMatchObject({ category: 'development_plan', plannedStartOn: '2026-04-01', plannedDecisionOn: '2026-11-30' });
      expect(b.requirements).toMatchObject({
        hearing: { required: false, reason: '不涉及价格等须经听证的事项' },
        expertArgumentation: { required: false, reason: '改造标准已有国家和省级技术规范' },
        partyCommitteeReport: { required: true },
      });
      expect(c).toMatchObject({ undertakingUnitId: d.units.street.id, category: 'public_project', affectsMarket: true, plannedStartOn: null, plannedDecisionOn: null });
      expect(c.requirements).toMatchObject({ partyCommitteeReport: { required: false, reason: '已纳入街道党工委年度报告' } });

      // Each item is a decision whose record starts with ITEM_PROPOSED by the office, as one item posted alone.
      const history = await t.http.get(`/decisions/${a.id}/history`).set(t.bearer(d.tokens.office));
      expect((history.body as Array<{ seq: number; type: string; actor: { role: string; username: string } }>)[0]).toMatchObject({ seq: 1, type: 'ITEM_PROPOSED', actor: { role: 'office', username: 'zfb' } });
    });

    it('CSV (UTF-8 with BOM) by a department, for its own unit', async () => {
      const id = await newCatalog(2031);
      const rows = [row({ title: '区级储备粮轮换方案' }), row({ title: '价格监测体系建设方案', steps: '公众参与、听证会、专家论证、风险评估、向同级党委请示报告' })];
      const res = await upload(id, d.tokens.department, csvOf(rows), '目录.csv', 'text/csv');
      expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
      expect(res.body).toMatchObject({ format: 'csv', imported: 2 });
      const [first] = await items(id);
      const history = await t.http.get(`/decisions/${first.id}/history`).set(t.bearer(d.tokens.department));
      expect((history.body as Array<{ actor: { role: string } }>)[0].actor.role).toBe('department');
    });

    it('CSV saved by Excel on a Chinese Windows (GB 18030, no BOM)', async () => {
      const id = await newCatalog(2032);
      const text = csvText([row({ title: '城市供水价格调整方案' })]);
      const encoded = encodeGb18030(text);
      const res = await upload(id, d.tokens.office, encoded, '目录.csv', 'text/csv');
      expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
      expect((await items(id))[0]).toMatchObject({ title: '城市供水价格调整方案', undertakingUnitId: d.units.ndrc.id });
    });
  });

  describe('a bad file changes nothing and names every problem with its row and column', () => {
    it('wrong headers: an unknown column and a missing one', async () => {
      const headers = HEADERS.map((h) => (h === '决策依据' ? '法律依据' : h)).filter((h) => h !== '事项类别');
      const problem = await refused(catalogId, d.tokens.office, await xlsxOf([row().slice(0, headers.length)], headers), 'x.xlsx', 'IMPORT_HEADERS_INVALID');
      expect(pick(problem.errors)).toEqual([
        { row: 1, column: '法律依据' },
        { row: 1, column: '决策依据' },
        { row: 1, column: '事项类别' },
      ]);
      expect(problem.errors[0].message).toContain('不认识的列「法律依据」');
      expect(problem.errors[2].message).toBe('缺少「事项类别」列');
      expect(problem.detail).toMatch(/表头有 3 处错误，没有导入任何事项/);
    });

    it('bad cells and broken item rules, all rows at once: dates, an unknown unit and category, a step that is none, a waived step without reason, the same item twice', async () => {
      const rows = [
        row({ title: '事项一', plannedDecisionOn: '明年三月' }),
        row({ title: '事项二', unit: '区教育局' }),
        row({ title: '事项三', category: '重大事项' }),
        row({ title: '事项四', steps: '公众参与、现场踏勘' }),
        row({ title: '事项五', steps: '听证会、专家论证、风险评估', reasons: '' }),
        row({ title: '事项六', plannedStartOn: '2026-02-30' }),
        row({ title: '事项七', plannedStartOn: '2026-09-01', plannedDecisionOn: '2026-06-30' }),
        row({ title: '事项一' }),
        row({ title: '事项九' }),
      ];
      const problem = await refused(catalogId, d.tokens.office, await xlsxOf(rows), 'bad.xlsx');
      expect(pick(problem.errors)).toEqual([
        { row: 2, column: '计划完成时间' },
        { row: 3, column: '承办单位', code: 'ORG_UNIT_NOT_FOUND' },
        { row: 4, column: '事项类别' },
        { row: 5, column: '需履行的程序' },
        { row: 6, column: '不履行程序的理由' },
        { row: 7, column: '计划启动时间' },
        { row: 8, column: '计划完成时间' },
        { row: 9, column: '决策事项名称', code: 'DUPLICATE_ITEM' },
      ]);
      const messages = problem.errors.map((e) => e.message);
      expect(messages[0]).toBe('「明年三月」不是有效的日期：请填写 2026-12-31 这样的日期');
      expect(messages[1]).toContain('没有名为「区教育局」的单位');
      expect(messages[2]).toContain('「重大事项」不是事项类别');
      expect(messages[3]).toContain('「现场踏勘」不是程序环节');
      expect(messages[5]).toBe('「2026-02-30」不是有效的日期：请填写 2026-12-31 这样的日期');
      expect(messages[7]).toBe('与第 2 行的决策事项重复：「事项一」');
      expect(problem).toMatchObject({ errorCount: 8 });
      expect(problem.detail).toBe('文件中有 8 行共 8 处错误，没有导入任何事项：请按 errors 所列行号和列逐一改正后重新导入');
    });

    it('an item already in the catalog', async () => {
      const problem = await refused(catalogId, d.tokens.office, await xlsxOf([row({ title: '老旧小区改造三年规划' })]), 'again.xlsx');
      expect(pick(problem.errors)).toEqual([{ row: 2, column: '决策事项名称', code: 'DUPLICATE_ITEM' }]);
      expect(problem.errors[0].message).toBe('目录中已有决策事项「老旧小区改造三年规划」');
    });

    it('a unit outside the caller’s scope: a department names another department, an office a unit of another government', async () => {
      const own = row({ title: '发改局事项' });
      const other = row({ title: '卫健局事项', unit: '区卫健局' });
      const byDepartment = await refused(catalogId, d.tokens.department, await xlsxOf([own, other]), 'dept.xlsx');
      expect(pick(byDepartment.errors)).toEqual([{ row: 3, column: '承办单位', code: 'FORBIDDEN_UNIT' }]);
      expect(byDepartment.errors[0].message).toContain('承办单位只能以本单位为承办单位提出目录事项');

      const byOffice = await refused(catalogId, d.tokens.office, await xlsxOf([row({ title: '邻区事项', unit: '后进区发改局' })]), 'office.xlsx');
      expect(pick(byOffice.errors)).toEqual([{ row: 2, column: '承办单位', code: 'UNIT_OUTSIDE_ORGAN' }]);
      expect(byOffice.errors[0].message).toContain('不属于前进区人民政府及其所属单位');
    });

    it('the same checks in a CSV, with its row numbers', async () => {
      const problem = await refused(catalogId, d.tokens.office, csvOf([row({ title: '事项甲' }), row({ title: '事项乙', plannedDecisionOn: '2026-13-01' })]), 'bad.csv');
      expect(pick(problem.errors)).toEqual([{ row: 3, column: '计划完成时间' }]);
    });

    it('an empty file, and a file with a header and nothing under it', async () => {
      const empty = await refused(catalogId, d.tokens.office, Buffer.alloc(0), 'empty.xlsx', 'IMPORT_FILE_EMPTY');
      expect(empty.detail).toBe('上传的文件是空的：请选择填好的目录文件');
      const headerOnly = await refused(catalogId, d.tokens.office, await xlsxOf([]), 'header.xlsx', 'IMPORT_FILE_EMPTY');
      expect(headerOnly.errors).toEqual([{ row: 2, column: null, field: null, message: '表头下方没有内容' }]);
    });

    it('a file that is not a spreadsheet: a picture, a text file, an old .xls, a zip that is no workbook', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      for (const [body, name] of [
        [png, 'catalog.png'],
        [Buffer.from('决策事项名称\n供热方案\n'), 'catalog.txt'],
        [Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'catalog.xls'],
        [await new JSZip().file('hello.txt', 'not a workbook').generateAsync({ type: 'nodebuffer' }), 'catalog.xlsx'],
      ] as const) {
        const problem = await refused(catalogId, d.tokens.office, body, name, 'IMPORT_FILE_UNREADABLE');
        expect([name, problem.detail]).toEqual([name, expect.stringMatching(/xlsx/)]);
      }
    });

    it('a 10 MB file: 413 with a Chinese detail, nothing read', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024, 0x41);
      const res = await t.unchanged(() => upload(catalogId, d.tokens.office, big, 'big.csv'));
      const problem = expectProblem(res, 413, 'IMPORT_FILE_TOO_LARGE');
      expect(problem.detail).toBe('上传的文件超过 8 MB：一次最多导入 10,000 个目录事项，请分成几个文件导入');
    });

    it('more rows than one import takes: 413', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => ['', `事项${i}`, '', '区发改局', '《价格法》', '公众参与、听证会、专家论证、风险评估', '', '重大公共政策和措施', '', '', '']);
      const res = await t.unchanged(() => upload(catalogId, d.tokens.office, Buffer.from(csvText(rows)), 'many.csv'));
      expect(expectProblem(res, 413, 'IMPORT_TOO_MANY_ROWS').detail).toBe('文件中的目录事项超过 10,000 个：请分成几个文件导入');
    });

    it('no file at all: 400 naming the field', async () => {
      const res = await t.unchanged(() => t.http.post(`/catalogs/${catalogId}/items/import`).set(t.bearer(d.tokens.office)).send({}));
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED') as ImportProblem;
      expect(problem.errors.map((e) => e.field)).toEqual(['file']);
    });
  });

  describe('scope and role exactly as for one item', () => {
    it('404 for a catalog outside the caller’s scope, before anything about the file', async () => {
      for (const token of [d.tokens.otherOffice, d.tokens.otherDepartment]) {
        expectProblem(await t.unchanged(async () => upload(catalogId, token, Buffer.alloc(0), 'x.xlsx')), 404, 'NOT_FOUND');
      }
    });

    it('403 for a role that does not propose items (the reviewer, the auditor), whatever the file', async () => {
      for (const token of [d.tokens.reviewer, d.tokens.auditor]) {
        expectProblem(await t.unchanged(async () => upload(catalogId, token, await xlsxOf([row({ title: '审查人员事项' })]), 'x.xlsx')), 403, 'FORBIDDEN_ROLE');
      }
    });

    it('an item outside the decree: 422 OUT_OF_SCOPE, one refused attempt stored, no item', async () => {
      const before = await t.countRows('decision');
      const violations = await t.countRows('violation_attempt');
      const file = await xlsxOf([row({ title: '事项甲' }), row({ title: '区级财政预算调整', category: '财政政策、货币政策等宏观调控决策' })]);
      const problem = expectProblem(await upload(catalogId, d.tokens.office, file, 'scope.xlsx'), 422, 'OUT_OF_SCOPE') as ImportProblem;
      expect(pick(problem.errors)).toEqual([{ row: 3, column: '事项类别', code: 'OUT_OF_SCOPE' }]);
      expect((problem.legalBasis as Array<{ id: string }>).map((b) => b.id)).toEqual(['SC713-3']);
      expect(await t.countRows('decision')).toBe(before);
      expect(await t.countRows('violation_attempt')).toBe(violations + 1);
    });
  });

  describe('export', () => {
    it('XLSX in the published layout: the title, the columns of a published catalog first, each item’s cells', async () => {
      const res = await t.http.get(`/catalogs/${catalogId}/export?format=xlsx`).set(t.bearer(d.tokens.office)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '')).toBe('前进区人民政府2026年度重大行政决策事项目录.xlsx');
      const [sheet] = Object.values(await readWorkbook(res.body as Buffer));
      expect(sheet[0][0]).toBe('前进区人民政府2026年度重大行政决策事项目录');
      expect(sheet[1].slice(0, 7)).toEqual(['序号', '决策事项名称', '决策机关', '承办单位', '决策依据', '需履行的程序', '计划完成时间']);
      expect(sheet[1]).toEqual([...HEADERS]);
      expect(sheet[3]).toEqual([
        '2',
        '老旧小区改造三年规划',
        '前进区人民政府',
        '区发改局',
        '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》',
        '公众参与、风险评估、合法性审查、集体讨论决定、向同级党委请示报告',
        '2026-11-30',
        '重要规划',
        '2026-04-01',
        '否',
        `${STEP_LABELS.hearing}：不涉及价格等须经听证的事项\n${STEP_LABELS.expertArgumentation}：改造标准已有国家和省级技术规范`,
      ]);
    });

    it('XLSX and CSV exports import again into another catalog as they were', async () => {
      const fields = (i: ItemBody) => ({ title: i.title, category: i.category, undertakingUnitId: i.undertakingUnitId, legalBasis: i.legalBasis, affectsMarket: i.affectsMarket, plannedStartOn: i.plannedStartOn, plannedDecisionOn: i.plannedDecisionOn, requirements: i.requirements });
      const original = (await items(catalogId)).map(fields);
      expect(original).toHaveLength(3);
      for (const [format, year] of [['xlsx', 2040], ['csv', 2041]] as const) {
        const exported = await t.http.get(`/catalogs/${catalogId}/export?format=${format}`).set(t.bearer(d.tokens.office)).buffer(true).parse(binary);
        expect(exported.status).toBe(200);
        if (format === 'csv') {
          expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
          expect((exported.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        }
        const target = await newCatalog(year);
        const res = await upload(target, d.tokens.office, exported.body as Buffer, `export.${format}`);
        expect({ format, status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ format, status: 201, text: '' });
        expect((await items(target)).map(fields)).toEqual(original);
      }
    });

    it('a department sees other departments’ items as the public catalog shows them: no reasons, no market flag', async () => {
      const res = await t.http.get(`/catalogs/${catalogId}/export?format=csv`).set(t.bearer(d.tokens.healthDepartment)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const lines = (res.body as Buffer).toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(HEADERS.join(','));
      expect(lines.find((l) => l.includes('港湾街道农贸市场搬迁方案'))).toMatch(/,重大公共建设项目,,,$/);
    });

    it('a format it does not make: 400 naming the field; a catalog out of scope: 404', async () => {
      const problem = expectProblem(await t.http.get(`/catalogs/${catalogId}/export?format=pdf`).set(t.bearer(d.tokens.office)), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.map((e) => e.field)).toEqual(['format']);
      expectProblem(await t.http.get(`/catalogs/${catalogId}/export`).set(t.bearer(d.tokens.otherOffice)), 404, 'NOT_FOUND');
    });
  });
}

/** A text in GB 18030 (the characters of these tests are all in GB 2312), through Node's decoder run backwards over the code page. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GB 2312 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
