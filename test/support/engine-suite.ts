/**
 * The engine's module tests, run against each real database (SQLite file here, PostgreSQL in
 * `npm run test:pg`): the acceptance story at engine level, version pinning, optimistic conflicts,
 * atomicity under concurrency and the hash chain.
 */
import { DomainError } from '../../src/common/errors/domain-error';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { DefinitionRegistry } from '../../src/engine/definition-registry';
import type { ProcedureEngine } from '../../src/engine/procedure-engine';
import type { ProcedureDefinition } from '../../workflows/definition';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import { samplePayload, ALL_REQUIRED } from '../../workflows/major-decision/v1/samples';
import type { EventType, ProcedureContext } from '../../workflows/major-decision/v1';
import type { TestDatabase } from './databases';
import { actors, engineFixture, type EngineFixture } from './engine-fixture';
import { asInsider } from './insider';

const B_REQUIREMENTS = {
  publicParticipation: { required: true },
  hearing: { required: false, reason: '不直接涉及群众切身利益' },
  expertArgumentation: { required: false, reason: '专业性不强' },
  riskAssessment: { required: true },
};

const actorFor = (type: string) =>
  ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH', 'ARCHIVE', 'WITHDRAW'].includes(type)
    ? actors.office
    : ['ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RETURN_MATERIALS'].includes(type)
      ? actors.reviewer
      : actors.department;

export async function newDecision(f: EngineFixture, title: string, requirements: object = ALL_REQUIRED) {
  return f.engine.create(
    { catalogId: f.catalogId, organId: 'org-gov', undertakingUnitId: 'org-fgj', year: 2026, title, category: 'public_policy', input: { requirements }, item: { title, requirements } },
    actors.department,
  );
}

/** Sends `type` with a valid sample payload for the decision's current state (patched). */
export async function send(engine: ProcedureEngine, id: string, type: EventType, patch: Record<string, unknown> = {}, opts: { expectedVersion?: number } = {}) {
  const d = await engine.get(id);
  const ctx = d!.procedure.context as ProcedureContext;
  return engine.apply(id, { type, payload: { ...samplePayload(type, ctx), ...patch } }, actorFor(type), { ...opts, system: type === 'CATALOG_PUBLISHED' });
}

export async function sendAll(engine: ProcedureEngine, id: string, types: EventType[]) {
  for (const t of types) await send(engine, id, t);
}

const PRE_REVIEW_A: EventType[] = ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_HEARING', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT'];

export function engineSuite(makeDb: () => Promise<TestDatabase>) {
  let db: TestDatabase;
  let f: EngineFixture;

  beforeEach(async () => {
    db = await makeDb();
    f = await engineFixture(db);
  });
  afterEach(async () => {
    await f.close();
    await db.drop();
  });

  it('plays the acceptance story: A to archived, B refused twice, the tampered record found', async () => {
    const a = await newDecision(f, '城区集中供热价格调整方案');
    await sendAll(f.engine, a.id, [...PRE_REVIEW_A, 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH', 'ARCHIVE']);
    const aDone = await f.engine.get(a.id);
    expect(aDone!.stage).toBe('published');
    expect(aDone!.state).toEqual({ published: { implementation: 'in_force', archive: 'archived' } });
    expect(aDone!.complete).toBe(true);

    const b = await newDecision(f, '老旧小区改造三年规划', B_REQUIREMENTS);
    await sendAll(f.engine, b.id, ['CATALOG_PUBLISHED', 'START_DRAFTING']);
    await expect(send(f.engine, b.id, 'RECORD_DISCUSSION')).rejects.toMatchObject({ status: 422, code: 'LEGALITY_REVIEW_REQUIRED' });
    await sendAll(f.engine, b.id, ['RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_RISK_ASSESSMENT']);
    const before = await f.engine.get(b.id);
    // 2026-09-25 (Fri): National Day is Oct 1–7 and Sat Oct 10 a make-up working day, so the 5th working day after it is 2026-10-09 and the 7th 2026-10-12.
    const dated = { submittedOn: '2026-09-25' };
    await expect(send(f.engine, b.id, 'SUBMIT_LEGALITY_REVIEW', { ...dated, requestedDueOn: '2026-10-09' })).rejects.toMatchObject({
      code: 'REVIEW_TIME_TOO_SHORT',
      extra: expect.objectContaining({ legalBasis: [expect.objectContaining({ id: 'SC713-26' })] }),
    });
    expect((await f.engine.get(b.id))!.version).toBe(before!.version);
    const ok = await send(f.engine, b.id, 'SUBMIT_LEGALITY_REVIEW', { ...dated, requestedDueOn: '2026-10-12' });
    expect(ok.stage).toBe('legality_review');
    expect(await f.count('violation_attempt')).toBe(2);

    const verifier = new ChainVerifier(f.runner);
    expect(await verifier.verifyAll()).toMatchObject({ ok: true, decisions: 2, broken: [] });
    // The record is append-only in the database: tampering takes setting its triggers aside first.
    await asInsider({ tx: f.runner }, async (tx) => {
      await tx.execute(`UPDATE procedure_record SET payload = ? WHERE decision_id = ? AND seq = 5`, ['{"tampered":true}', a.id]);
    });
    expect(await verifier.verifyDecision(a.id)).toMatchObject({ ok: false, brokenAtSeq: 5 });
    expect(await verifier.verifyAll()).toMatchObject({ ok: false, broken: [{ decisionId: a.id, seq: 5 }] });
  });

  it('chains every record row to the one before, seq without gaps', async () => {
    const d = await newDecision(f, 'chain');
    await sendAll(f.engine, d.id, PRE_REVIEW_A);
    const rows = await f.runner.read((tx) => tx.query<{ seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM procedure_record WHERE decision_id = ? ORDER BY seq', [d.id]));
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    const after = await f.engine.get(d.id);
    expect(after!.lastHash).toBe(rows[8].hash);
    // Deleting the last row (an insider's, past the append-only triggers) is found through the decision's last_seq / last_hash.
    await asInsider({ tx: f.runner }, async (tx) => {
      await tx.execute('DELETE FROM procedure_record WHERE decision_id = ? AND seq = 9', [d.id]);
    });
    expect(await new ChainVerifier(f.runner).verifyDecision(d.id)).toMatchObject({ ok: false, brokenAtSeq: 9 });
  });

  it('refuses a stale expectedVersion with 409 and changes nothing', async () => {
    const d = await newDecision(f, 'conflict');
    await send(f.engine, d.id, 'CATALOG_PUBLISHED');
    await expect(send(f.engine, d.id, 'START_DRAFTING', {}, { expectedVersion: 1 })).rejects.toMatchObject({ status: 409, extra: { currentVersion: 2 } });
    expect(await f.count('procedure_record')).toBe(2);
    expect((await send(f.engine, d.id, 'START_DRAFTING', {}, { expectedVersion: 2 })).version).toBe(3);
  });

  it('applies 50 concurrent events on one decision one after the other', async () => {
    const d = await newDecision(f, 'race');
    await sendAll(f.engine, d.id, ['CATALOG_PUBLISHED', 'START_DRAFTING']);
    const drafts = Array.from({ length: 25 }, (_, i) =>
      f.engine.apply(d.id, { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-03-01', draftVersion: `v${i}`, summary: 's', lawsReviewed: ['l'] } }, actors.department),
    );
    const starts = Array.from({ length: 25 }, () => f.engine.apply(d.id, { type: 'START_DRAFTING', payload: { startedOn: '2026-03-01' } }, actors.office));
    const results = await Promise.allSettled([...drafts, ...starts]);
    expect(results.slice(0, 25).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results.slice(25).every((r) => r.status === 'rejected' && (r.reason as { status: number }).status === 422)).toBe(true);
    const seqs = await f.runner.read((tx) => tx.query<{ seq: number }>('SELECT seq FROM procedure_record WHERE decision_id = ? ORDER BY seq', [d.id]));
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(await new ChainVerifier(f.runner).verifyDecision(d.id)).toEqual({ ok: true, events: 28 });
  });

  it('gives exactly one of 50 racing writers with the same expectedVersion its step', async () => {
    const d = await newDecision(f, 'race-versioned');
    await sendAll(f.engine, d.id, ['CATALOG_PUBLISHED', 'START_DRAFTING']);
    const v = (await f.engine.get(d.id))!.version;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        f.engine.apply(d.id, { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-03-01', draftVersion: `v${i}`, summary: 's', lawsReviewed: ['l'] } }, actors.department, { expectedVersion: v }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { status: number }).status === 409)).toHaveLength(49);
  });

  it('pins each decision to the definition version it started with', async () => {
    const v1 = await newDecision(f, 'on v1');
    // A test-only v2: the same procedure that additionally refuses every withdrawal.
    const v2: ProcedureDefinition = {
      ...(majorDecisionV1Definition as ProcedureDefinition),
      version: 2,
      decide: (state, event, env) =>
        event.type === 'WITHDRAW'
          ? { accepted: false, stage: 'proposed', facts: {}, refusal: { code: 'V2_NO_WITHDRAWAL', detail: 'v2', legalBasis: ['SC713-10'], missing: [] } }
          : majorDecisionV1Definition.decide(state as never, event, env),
    };
    const registry = new DefinitionRegistry();
    registry.register(v2);
    const f2 = await engineFixture(db, registry, 2027);
    const onV2 = await newDecision(f2, 'on v2');
    expect(onV2.definition).toEqual({ id: 'major-decision', version: 2 });
    await expect(send(f2.engine, onV2.id, 'WITHDRAW')).rejects.toMatchObject({ code: 'V2_NO_WITHDRAWAL' });
    const withdrawn = await send(f2.engine, v1.id, 'WITHDRAW');
    expect(withdrawn.definition).toEqual({ id: 'major-decision', version: 1 });
    expect(withdrawn.stage).toBe('withdrawn');
  });

  it('leaves no row behind when a step fails inside its transaction, while concurrent steps commit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await newDecision(f, i % 2 ? `FAIL-${i}` : `ok-${i}`)).id);
    for (const id of ids) await send(f.engine, id, 'CATALOG_PUBLISHED');
    // The database refuses the state update of the FAIL- decisions, after their record row was inserted.
    if (db.config.type === 'postgres') {
      await f.runner.write(async (tx) => {
        await tx.execute(`CREATE FUNCTION refuse_fail() RETURNS trigger AS $$ BEGIN IF OLD.title LIKE 'FAIL-%' AND NEW.stage = 'drafting' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
        await tx.execute('CREATE TRIGGER refuse_fail BEFORE UPDATE ON decision FOR EACH ROW EXECUTE FUNCTION refuse_fail()');
      });
    } else {
      await f.runner.write((tx) =>
        tx.execute(`CREATE TRIGGER refuse_fail BEFORE UPDATE ON decision WHEN OLD.title LIKE 'FAIL-%' AND NEW.stage = 'drafting' BEGIN SELECT RAISE(ABORT, 'refused'); END`),
      );
    }
    const results = await Promise.allSettled(ids.map((id) => f.engine.apply(id, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-01' } }, actors.office)));
    expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i % 2 ? 'rejected' : 'fulfilled')));
    for (const [i, id] of ids.entries()) {
      const d = await f.engine.get(id);
      expect(d!.stage).toBe(i % 2 ? 'cataloged' : 'drafting');
      expect(d!.lastSeq).toBe(i % 2 ? 2 : 3);
    }
    expect(await f.count('procedure_record')).toBe(10 * 2 + 5);
    expect(await new ChainVerifier(f.runner).verifyAll()).toMatchObject({ ok: true, decisions: 10 });
  });

  it('refuses bad payloads with 400 naming the field, and unknown or system events', async () => {
    const d = await newDecision(f, 'bad input');
    await expect(f.engine.apply(d.id, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-30' } }, actors.office)).rejects.toMatchObject({
      status: 400,
      extra: { errors: [{ field: 'payload.startedOn', message: expect.any(String) }] },
    });
    await expect(f.engine.apply(d.id, { type: 'NOPE', payload: {} }, actors.office)).rejects.toMatchObject({ status: 400 });
    await expect(f.engine.apply(d.id, { type: 'CATALOG_PUBLISHED', payload: {} }, actors.office)).rejects.toMatchObject({ status: 400 });
    await expect(f.engine.apply(d.id, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-01', extra: 1 } }, actors.office)).rejects.toMatchObject({
      extra: { errors: [{ field: 'payload.extra', message: '不允许的字段，请删除' }] },
    });
    expect(await f.count('procedure_record')).toBe(1);
    expect(await f.count('violation_attempt')).toBe(0);
  });

  it('asks authorize, inside the step, who acts: before the payload is checked, its actor recorded, its refusal leaving nothing', async () => {
    const d = await newDecision(f, 'authorize');
    await send(f.engine, d.id, 'CATALOG_PUBLISHED');
    const seen: unknown[] = [];
    const authorize = (target: unknown, type: unknown) => {
      seen.push({ target, type });
      return { ...actors.office, username: 'decided-by-authorize' };
    };
    const started = await f.engine.apply(d.id, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-02' } }, actors.department, { authorize });
    expect(seen).toEqual([
      {
        target: { id: d.id, definition: { id: 'major-decision', version: 1 }, organId: 'org-gov', undertakingUnitId: 'org-fgj', implementingUnitId: null, stage: 'cataloged' },
        type: 'START_DRAFTING',
      },
    ]);
    expect(started.lastSeq).toBe(3);
    const [row] = await f.runner.read((tx) => tx.query<{ actor: string }>('SELECT actor FROM procedure_record WHERE decision_id = ? AND seq = 3', [d.id]));
    expect(JSON.parse(row.actor)).toMatchObject({ username: 'decided-by-authorize', role: 'office' });

    const refuse = () => {
      throw new DomainError(403, 'FORBIDDEN_ROLE', 'no');
    };
    // Its refusal comes before a bad payload, a stale version and the procedure.
    await expect(f.engine.apply(d.id, { type: 'NOPE', payload: 'x' }, actors.office, { authorize: refuse, expectedVersion: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(f.engine.apply(d.id, { type: 'RECORD_DISCUSSION', payload: {} }, actors.office, { authorize: refuse })).rejects.toMatchObject({ status: 403 });
    // A missing decision is a 404 before authorize is asked.
    await expect(f.engine.apply('00000000-0000-4000-8000-000000000000', { type: 'START_DRAFTING', payload: {} }, actors.office, { authorize: refuse })).rejects.toMatchObject({ status: 404 });
    expect(await f.count('procedure_record')).toBe(3);
    expect(await f.count('violation_attempt')).toBe(0);
  });
}
