/**
 * What refusals and lists may cost, through HTTP on the real app: the attack of the security issue
 * (100 refused payloads of ~1 MB grew the database by 100 MB, and one page of violations answered
 * 516 MB) replayed against the bounded storage; record payloads cut in the history list and whole
 * at /history/:seq; a catalog's items paged; a public decision's channels cut in the list; and
 * `page`/`pageSize` bounded on every list route (page=1e300 was a 500).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import { samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED } from '../../workflows/major-decision/v1/walk';
import { LIST_PAYLOAD_CHARS } from '../../src/decisions/decisions.repository';
import { PUBLIC_CHANNELS_CHARS } from '../../src/decisions/decisions.service';
import { recordHash } from '../../src/engine/record-hash';
import { REFUSED_PAYLOAD_MAX_BYTES } from '../../src/engine/refused-payload';
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * What a stored violation row may take besides its kept payload: ids, code, legal basis, missing
 * steps, actor, time, four index entries (newest first overall, per organ, per code, per decision:
 * about 100 bytes each), and page slack (SQLite pages are 4 KiB; a row of about 2.6 KiB leaves too
 * little room for a second one).
 */
const ROW_ALLOWANCE = 2816;

/** A RECORD_DRAFT payload of about 1 MB (100 laws reviewed of 3,300 characters, ~990 KB as UTF-8): valid in form, just under the body limit. */
function megabyteDraft(context: ProcedureContext, n: number): Record<string, unknown> {
  return { ...samplePayload('RECORD_DRAFT', context), draftVersion: `v${n}`, lawsReviewed: Array.from({ length: 100 }, (_, i) => `${n}-${i}${'法'.repeat(3_300)}`) };
}

interface ViolationEntry {
  id: string;
  event: string;
  code: string;
  payload: unknown;
  payloadTruncated: boolean;
  payloadBytes: number;
  payloadSha256: string;
}

interface RecordEntry {
  seq: number;
  revision: number;
  type: string;
  payload: unknown;
  payloadTruncated: boolean;
  payloadBytes?: number;
  facts: unknown;
  actor: { userId: string; username: string; role: string; orgUnitId: string | null };
  recordedAt: string;
  fromStage: string | null;
  toStage: string;
  prevHash: string;
  hash: string;
}

describe('bounded refusals and lists', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  /** A second connection to the app's SQLite file: checkpoints the WAL, so that the file's size is the database's. */
  let db: Database.Database;

  const fileSize = (): number => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(t.config.database.path).size;
  };

  beforeAll(async () => {
    // The attack sends 100 refusals within seconds: the per-minute limit is not what this suite tests.
    t = await createTestApp({ env: { REFUSALS_PER_MINUTE: '1000' } });
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    db = new Database(t.config.database.path, { fileMustExist: true });
  });
  afterAll(async () => {
    db?.close();
    await t?.close();
  });

  describe('the attack: 100 refused payloads of ~1 MB', () => {
    let id: string;
    let sent: Array<Record<string, unknown>>;
    let growth: number;

    beforeAll(async () => {
      // In `cataloged`, a draft is refused (DRAFTING_NOT_STARTED), whatever it holds.
      id = await f.decision({ title: '攻击复现', through: ['CATALOG_PUBLISHED'] });
      const context = (await f.snapshot(id)).procedure.context as ProcedureContext;
      sent = Array.from({ length: 100 }, (_, i) => megabyteDraft(context, i));
      const before = fileSize();
      for (const payload of sent) {
        const res = await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send({ type: 'RECORD_DRAFT', payload });
        expectProblem(res, 422, 'DRAFTING_NOT_STARTED');
      }
      growth = fileSize() - before;
      if (process.env.SHOW_FIGURES) process.stdout.write(`database growth: ${growth} bytes for 100 refusals (${growth / 100} per refusal)\n`);
    }, 120_000);

    it('sent bodies of nearly 1 MB each', () => {
      for (const p of sent) expect(Buffer.byteLength(JSON.stringify(p))).toBeGreaterThan(990_000);
    });

    it('grew the database file by no more than the bounded excerpt per refusal, plus a small allowance per row', () => {
      expect(growth).toBeLessThanOrEqual(100 * (REFUSED_PAYLOAD_MAX_BYTES + ROW_ALLOWANCE));
    });

    it('answers GET …/violations?pageSize=500 in bounded bytes, each with its excerpt, size and SHA-256', async () => {
      const res = await t.http.get(`/decisions/${id}/violations?pageSize=500`).set(t.bearer(d.tokens.auditor)).expect(200);
      expect(res.headers['x-total-count']).toBe('100');
      if (process.env.SHOW_FIGURES) process.stdout.write(`violations?pageSize=500: ${Buffer.byteLength(res.text)} bytes\n`);
      expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(100 * (REFUSED_PAYLOAD_MAX_BYTES * 2 + ROW_ALLOWANCE));
      const entries = res.body as ViolationEntry[];
      expect(entries).toHaveLength(100);
      // Newest first: the last payload sent is the first row.
      entries.forEach((v, i) => {
        const json = JSON.stringify(sent[99 - i]);
        expect({ event: v.event, code: v.code, truncated: v.payloadTruncated, bytes: v.payloadBytes, sha256: v.payloadSha256 }).toEqual({
          event: 'RECORD_DRAFT',
          code: 'DRAFTING_NOT_STARTED',
          truncated: true,
          bytes: Buffer.byteLength(json),
          sha256: sha256(json),
        });
        expect(typeof v.payload).toBe('string');
        expect(Buffer.byteLength(v.payload as string)).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES);
        expect(json.startsWith(v.payload as string)).toBe(true);
      });
    });

    it('still shows a small refused payload as it was sent', async () => {
      const payload = await f.payload(id, 'RECORD_DRAFT');
      expectProblem(await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send({ type: 'RECORD_DRAFT', payload }), 422, 'DRAFTING_NOT_STARTED');
      const [latest] = (await t.http.get(`/decisions/${id}/violations?pageSize=1`).set(t.bearer(d.tokens.auditor)).expect(200)).body as ViolationEntry[];
      const json = JSON.stringify(payload);
      expect(latest).toMatchObject({ payload, payloadTruncated: false, payloadBytes: Buffer.byteLength(json), payloadSha256: sha256(json) });
    });

    it('keeps a bounded excerpt of a refused catalog item too (OUT_OF_SCOPE, no decision)', async () => {
      const { catalog } = await publishedCatalogWith(t, d, [itemA(d)]);
      // The largest item the form allows: 100 citations of 500 characters (Chinese: ~150 KB).
      const item = { ...itemB(d), category: 'legislation', legalBasis: Array.from({ length: 100 }, (_, i) => `${i}${'法'.repeat(497)}`) };
      const before = fileSize();
      expectProblem(await t.http.post(`/catalogs/${catalog.id}/items`).set(t.bearer(d.tokens.office)).send(item), 422, 'OUT_OF_SCOPE');
      expect(fileSize() - before).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES + ROW_ALLOWANCE + 4096);
      const [row] = await t.tx.read((tx) =>
        tx.query<{ payload: string; payload_bytes: number; payload_truncated: number }>(
          "SELECT payload, payload_bytes, payload_truncated FROM violation_attempt WHERE code = 'OUT_OF_SCOPE' ORDER BY attempted_at DESC LIMIT 1",
        ),
      );
      expect(row.payload_truncated).toBe(1);
      expect(row.payload_bytes).toBeGreaterThan(140_000);
      expect(Buffer.byteLength(row.payload)).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES);
    });
  });

  describe('the record: large payloads cut in the list, whole at /history/:seq', () => {
    let id: string;
    const drafts: Array<Record<string, unknown>> = [];

    beforeAll(async () => {
      id = await f.decision({ title: '大记录', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      const context = (await f.snapshot(id)).procedure.context as ProcedureContext;
      for (let i = 1; i <= 10; i++) {
        const payload = megabyteDraft(context, i);
        await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send({ type: 'RECORD_DRAFT', payload }).expect(200);
        drafts.push(payload);
      }
    }, 120_000);

    it('lists a page of 500 in bounded bytes: payloads over 4,096 characters of JSON are their first 4,096, marked', async () => {
      const res = await t.http.get(`/decisions/${id}/history?pageSize=500`).set(t.bearer(d.tokens.auditor)).expect(200);
      if (process.env.SHOW_FIGURES) process.stdout.write(`history?pageSize=500 (13 rows, 10 of ~1 MB): ${Buffer.byteLength(res.text)} bytes\n`);
      const entries = res.body as RecordEntry[];
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      // 10 rows of ~1 MB each were 10 MB; cut, each holds at most 4,096 characters (3 bytes each here).
      expect(Buffer.byteLength(res.text)).toBeLessThan(13 * (LIST_PAYLOAD_CHARS * 4 + 2048));
      for (const e of entries.slice(0, 3)) expect(e).toMatchObject({ payloadTruncated: false });
      entries.slice(3).forEach((e, i) => {
        // The record keeps the payload as its canonical JSON (the text its hash covers).
        const json = canonicalize(drafts[i]) as string;
        expect({ type: e.type, truncated: e.payloadTruncated, bytes: e.payloadBytes, chars: [...(e.payload as string)].length }).toEqual({
          type: 'RECORD_DRAFT',
          truncated: true,
          bytes: Buffer.byteLength(json),
          chars: LIST_PAYLOAD_CHARS,
        });
        expect(json.startsWith(e.payload as string)).toBe(true);
      });
      expect(entries[0].payload).toEqual(expect.objectContaining({ title: '大记录' }));
    });

    it('gives one row whole at GET /decisions/:id/history/:seq, and its hash verifies', async () => {
      const e = (await t.http.get(`/decisions/${id}/history/5`).set(t.bearer(d.tokens.auditor)).expect(200)).body as RecordEntry;
      expect(e).toMatchObject({ seq: 5, type: 'RECORD_DRAFT', payload: drafts[1], payloadTruncated: false });
      expect(e.payloadBytes).toBeUndefined();
      const { hash, payloadTruncated: _t, payloadBytes: _b, ...hashed } = e;
      expect(recordHash({ decisionId: id, ...hashed })).toBe(hash);
    });

    it('answers 404 for a seq that is no row, and for a decision outside the caller’s scope', async () => {
      for (const seq of ['14', '0', 'abc', '1.5', '-1', '99999999999']) {
        expectProblem(await t.http.get(`/decisions/${id}/history/${seq}`).set(t.bearer(d.tokens.auditor)), 404, 'NOT_FOUND');
      }
      expectProblem(await t.http.get(`/decisions/${id}/history/1`).set(t.bearer(d.tokens.otherOffice)), 404, 'NOT_FOUND');
    });
  });

  describe('a catalog’s items, paged', () => {
    it('GET /catalogs/:id gives one page of items (default 50) and itemCount; the publication answer the first page', async () => {
      const { catalog } = await publishedCatalogWith(t, d, [itemA(d, { title: '事项一' }), itemA(d, { title: '事项二' }), itemA(d, { title: '事项三' })]);
      const get = (q: string) => t.http.get(`/catalogs/${catalog.id}${q}`).set(t.bearer(d.tokens.auditor)).expect(200);
      const all = (await get('')).body as { itemCount: number; items: Array<{ title: string }> };
      expect(all.itemCount).toBeGreaterThanOrEqual(3);
      expect(all.items.length).toBe(Math.min(all.itemCount, 50));
      const first = (await get('?page=1&pageSize=2')).body as { itemCount: number; items: Array<{ title: string }> };
      const second = (await get('?page=2&pageSize=2')).body as { itemCount: number; items: Array<{ title: string }> };
      expect(first.items.map((i) => i.title)).toEqual(all.items.slice(0, 2).map((i) => i.title));
      expect(second.items.map((i) => i.title)).toEqual(all.items.slice(2, 4).map((i) => i.title));
      expect(first.itemCount).toBe(all.itemCount);
      expectProblem(await t.http.get(`/catalogs/${catalog.id}?pageSize=501`).set(t.bearer(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
    });
  });

  describe('the public catalogs: at most 50 items a catalog in the list, all of them page by page at /public/catalogs/:id', () => {
    let catalogId: string;
    let published: { itemCount: number; items: unknown[] };
    const titles = Array.from({ length: 53 }, (_, i) => `目录事项${String(i + 1).padStart(2, '0')}`);

    beforeAll(async () => {
      const { catalog } = await publishedCatalogWith(t, d, titles.map((title) => itemB(d, { title })), { year: 2024 });
      catalogId = catalog.id;
      published = catalog as unknown as typeof published;
    }, 60_000);

    it('answers the publication with the first 50 items and itemCount', () => {
      expect(published.itemCount).toBe(53);
      expect(published.items).toHaveLength(50);
    });

    it('lists the catalog with its first 50 items, itemCount and itemsTruncated', async () => {
      const [listed] = (await t.http.get('/public/catalogs?year=2024').expect(200)).body as Array<{ id: string; itemCount: number; itemsTruncated?: boolean; items: Array<{ title: string }> }>;
      expect(listed).toMatchObject({ id: catalogId, itemCount: 53, itemsTruncated: true });
      expect(listed.items.map((i) => i.title)).toEqual(titles.slice(0, 50));
    });

    it('pages through every item at GET /public/catalogs/:id, without a token', async () => {
      const page = async (q: string) => (await t.http.get(`/public/catalogs/${catalogId}${q}`).expect(200)).body as { itemCount: number; itemsTruncated?: boolean; items: Array<{ title: string }> };
      const first = await page('');
      expect(first.items.map((i) => i.title)).toEqual(titles.slice(0, 50));
      const second = await page('?page=2');
      expect(second).toMatchObject({ itemCount: 53 });
      expect(second.items.map((i) => i.title)).toEqual(titles.slice(50));
      expect((await page('?page=3&pageSize=20')).items.map((i) => i.title)).toEqual(titles.slice(40, 53));
      expect(first.itemsTruncated).toBeUndefined();
    });

    it('answers 404 for a catalog that is not published', async () => {
      const draft = await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: d.units.gov.id, year: 2023 }).expect(201);
      expectProblem(await t.http.get(`/public/catalogs/${(draft.body as { id: string }).id}`), 404, 'NOT_FOUND');
    });
  });

  describe('public decisions: channels cut in the list', () => {
    it('lists a publication with 100 channels of 9,000 characters with the first ones only, and the detail with all', async () => {
      const channels = Array.from({ length: 100 }, (_, i) => `${i}${'网'.repeat(9_000)}`);
      const id = await f.decision({ title: '渠道很多的决策', year: 2025, through: TO_PUBLISHED, patch: { PUBLISH: { channels } } });
      const list = await t.http.get('/public/decisions?year=2025&pageSize=500').expect(200);
      const listed = (list.body as Array<{ id: string; channels: string[]; channelsTruncated?: boolean }>).find((p) => p.id === id);
      expect(listed?.channelsTruncated).toBe(true);
      expect(listed?.channels.join('').length).toBeLessThanOrEqual(PUBLIC_CHANNELS_CHARS);
      expect(Buffer.byteLength(list.text)).toBeLessThan(64 * 1024);
      const detail = (await t.http.get(`/public/decisions/${id}`).expect(200)).body as { channels: string[]; channelsTruncated?: boolean };
      expect(detail.channels).toEqual(channels);
      expect(detail.channelsTruncated).toBeUndefined();
    });
  });

  describe('page and pageSize, bounded on every list route', () => {
    let ctx: { catalogId: string; decisionId: string };
    beforeAll(async () => {
      const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d, { title: '分页' })]);
      ctx = { catalogId: catalog.id, decisionId: decisionIds[0] };
    });

    const LISTS: Array<[string, (c: typeof ctx) => string, keyof District['tokens'] | undefined]> = [
      ['GET /org-units', () => '/org-units', 'admin'],
      ['GET /users', () => '/users', 'admin'],
      ['GET /catalogs', () => '/catalogs', 'auditor'],
      ['GET /catalogs/:id (its items)', (c) => `/catalogs/${c.catalogId}`, 'auditor'],
      ['GET /public/catalogs', () => '/public/catalogs', undefined],
      ['GET /public/catalogs/:id (its items)', (c) => `/public/catalogs/${c.catalogId}`, undefined],
      ['GET /decisions', () => '/decisions', 'auditor'],
      ['GET /decisions/:id/history', (c) => `/decisions/${c.decisionId}/history`, 'auditor'],
      ['GET /decisions/:id/violations', (c) => `/decisions/${c.decisionId}/violations`, 'auditor'],
      ['GET /public/decisions', () => '/public/decisions', undefined],
      ['GET /reviews', () => '/reviews', 'reviewer'],
    ];
    const HUGE = ['1e300', String(2 ** 53), '9007199254740993', '1000001', '1e400'];
    const cases = LISTS.flatMap(([name, path, who]) => [...HUGE.map((v) => [name, 'page', v, path, who] as const), [name, 'pageSize', '1e300', path, who] as const]);

    it.each(cases)('%s?%s=%s → 400 naming the field, never 500', async (_name, field, value, path, who) => {
      const req = t.http.get(`${path(ctx)}?${field}=${value}`);
      if (who) void req.set(t.bearer(d.tokens[who]));
      const res = await req;
      expect([...new Set(fieldsOf(expectProblem(res, 400, 'VALIDATION_FAILED')))]).toEqual([field]);
    });

    it.each(LISTS)('%s?page=1000000 (the last page allowed) → 200, empty', async (_name, path, who) => {
      const req = t.http.get(`${path(ctx)}?page=1000000`);
      if (who) void req.set(t.bearer(d.tokens[who]));
      const res = await req.expect(200);
      const body = res.body as unknown[] | { items: unknown[] };
      expect(Array.isArray(body) ? body : body.items).toEqual([]);
    });
  });
});
