/**
 * The bounds of refusals and lists on PostgreSQL, through HTTP: the excerpt kept of a refused
 * payload, record payloads cut in the SQL of the history list (substr, length, octet_length) and
 * whole at /history/:seq, a public publication too long to be read with its page. The full
 * behaviour is test/e2e/bounded-lists.e2e-spec.ts (SQLite); this checks the same SQL here.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import { samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED } from '../../workflows/major-decision/v1/walk';
import { decisionFixture, type DecisionFixture } from '../../test/support/decision-fixture';
import { createDistrict, type District } from '../../test/support/district';
import { createTestApp, expectProblem, type TestApp } from '../../test/support/test-app';
import { REFUSED_PAYLOAD_MAX_BYTES } from '../engine/refused-payload';
import { LIST_PAYLOAD_CHARS } from './decisions.repository';
import { PUBLIC_CHANNELS_CHARS } from './decisions.service';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('bounded refusals and lists on PostgreSQL', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;

  beforeAll(async () => {
    t = await createTestApp({ postgres: true });
    d = await createDistrict(t);
    f = decisionFixture(t, d);
  });
  afterAll(() => t?.close());

  const bigDraft = (context: ProcedureContext, n: number) => ({
    ...samplePayload('RECORD_DRAFT', context),
    draftVersion: `v${n}`,
    lawsReviewed: Array.from({ length: 100 }, (_, i) => `${n}-${i}${'法'.repeat(3_300)}`),
  });

  it('keeps a 2 KiB excerpt of a refused payload of ~1 MB, with the size and SHA-256 of the whole', async () => {
    const id = await f.decision({ through: ['CATALOG_PUBLISHED'] });
    const payload = bigDraft((await f.snapshot(id)).procedure.context as ProcedureContext, 0);
    expectProblem(await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send({ type: 'RECORD_DRAFT', payload }), 422, 'DRAFTING_NOT_STARTED');
    const [v] = (await t.http.get(`/decisions/${id}/violations`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
    const json = JSON.stringify(payload);
    expect(v).toMatchObject({ payloadTruncated: true, payloadBytes: Buffer.byteLength(json), payloadSha256: sha256(json) });
    expect(Buffer.byteLength(v.payload as string)).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES);
    expect(json.startsWith(v.payload as string)).toBe(true);
  });

  it('cuts large record payloads in the history list and gives them whole at /history/:seq', async () => {
    const id = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    const payload = bigDraft((await f.snapshot(id)).procedure.context as ProcedureContext, 1);
    await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send({ type: 'RECORD_DRAFT', payload }).expect(200);
    const history = (await t.http.get(`/decisions/${id}/history?pageSize=500`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
    expect(history.map((e) => e.payloadTruncated)).toEqual([false, false, false, true]);
    // The record keeps the payload as its canonical JSON (the text its hash covers).
    const json = canonicalize(payload) as string;
    expect(history[3]).toMatchObject({ seq: 4, payloadBytes: Buffer.byteLength(json) });
    expect([...(history[3].payload as string)].length).toBe(LIST_PAYLOAD_CHARS);
    expect(json.startsWith(history[3].payload as string)).toBe(true);
    expect(history[0].payloadBytes).toBeUndefined();
    const whole = (await t.http.get(`/decisions/${id}/history/4`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Record<string, unknown>;
    expect(whole).toMatchObject({ seq: 4, payload, payloadTruncated: false, hash: history[3].hash });
  });

  it('reads a public publication too long for its page on its own, and cuts its channels in the list', async () => {
    const channels = Array.from({ length: 100 }, (_, i) => `${i}${'网'.repeat(9_000)}`);
    const id = await f.decision({ year: 2025, through: TO_PUBLISHED, patch: { PUBLISH: { channels } } });
    const [listed] = (await t.http.get('/public/decisions?year=2025').expect(200)).body as Array<{ id: string; channels: string[]; channelsTruncated?: boolean }>;
    expect(listed).toMatchObject({ id, channelsTruncated: true });
    expect(listed.channels.join('').length).toBeLessThanOrEqual(PUBLIC_CHANNELS_CHARS);
    expect(((await t.http.get(`/public/decisions/${id}`).expect(200)).body as { channels: string[] }).channels).toEqual(channels);
  });
});
