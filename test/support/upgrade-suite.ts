/**
 * A database made by the previous release (its migrations, rows as it wrote them) opened by this
 * one: the new migrations carry every row, and the service works on it as it was — the old
 * accounts sign in with their old passwords, the units are active, the old record verifies, the old
 * refused attempts show their size and digest, units that shared a name under one parent are told
 * apart by a suffix (each renaming in the admin log) and no new unit may share a name again.
 */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { hash } from 'bcryptjs';
import request from 'supertest';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { MIGRATIONS } from '../../src/database/migrations';
import { DecisionListIndexes1795902800000 } from '../../src/database/migrations/1795902800000-decision-list-indexes';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { GENESIS_HASH, recordHash } from '../../src/engine/record-hash';
import { PG_URL, type TestDatabase, type TestDatabaseOptions } from './databases';

/** The migrations the previous release shipped: up to the decision list indexes. */
const PREVIOUS_RELEASE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(DecisionListIndexes1795902800000) + 1);

/** Passwords the previous release accepted (length only) and that today's rule would refuse. */
const OLD_ADMIN = { username: 'admin', password: 'aaaaaaaaaa' };
const OLD_USER = { username: 'fgj', password: '1234567890' };

export function upgradeSuite(name: string, makeDatabase: (opts: TestDatabaseOptions) => Promise<TestDatabase>): void {
  describe(`a database of the previous release, opened by this one (${name})`, () => {
    let db: TestDatabase;
    let app: NestExpressApplication;
    let http: ReturnType<typeof request>;
    /** Units the previous release let share a name under 前进区人民政府, and one already named like a suffixed one. */
    const twins = { second: randomUUID(), third: randomUUID(), suffixed: randomUUID() };
    const ids = { gov: randomUUID(), ndrc: randomUUID(), admin: randomUUID(), user: randomUUID(), catalog: randomUUID(), decision: randomUUID(), violation: randomUUID() };

    beforeAll(async () => {
      db = await makeDatabase({ migrate: false });
      const pg = db.config.type === 'postgres';
      const old = new DataSource({ ...createDataSource(db.config).options, migrations: PREVIOUS_RELEASE } as DataSourceOptions);
      await old.initialize();
      try {
        await old.runMigrations({ transaction: 'each' });
        let n = 0;
        const sql = (text: string) => (pg ? text.replace(/\?/g, () => `$${++n}`) : text);
        const insert = async (text: string, params: unknown[]) => {
          n = 0;
          await old.query(sql(text), params.map((p) => (typeof p === 'boolean' && !pg ? Number(p) : p)));
        };
        const at = '2026-03-01T08:00:00.000Z';
        await insert('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [ids.gov, '前进区人民政府', 'government', null, at]);
        await insert('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [ids.ndrc, '区发改局', 'department', ids.gov, at]);
        await insert('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [twins.suffixed, '区发改局（重名2）', 'department', ids.gov, at]);
        await insert('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [twins.second, '区发改局', 'department', ids.gov, '2026-03-02T08:00:00.000Z']);
        await insert('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [twins.third, '区发改局', 'department', ids.gov, '2026-03-03T08:00:00.000Z']);
        const user = 'INSERT INTO app_user (id, username, password_hash, display_name, org_unit_id, roles, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
        await insert(user, [ids.admin, OLD_ADMIN.username, await hash(OLD_ADMIN.password, 4), 'Administrator', null, '["admin"]', false, at, at]);
        await insert(user, [ids.user, OLD_USER.username, await hash(OLD_USER.password, 4), '发改局', ids.ndrc, '["department"]', false, at, at]);
        await insert('INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [ids.catalog, ids.gov, 2026, 'draft', 0, '[]', at, at]);
        const actor = { userId: ids.user, username: OLD_USER.username, role: 'department', orgUnitId: ids.ndrc };
        const first = { decisionId: ids.decision, seq: 1, revision: 1, type: 'ITEM_PROPOSED', payload: { title: '老旧小区改造三年规划' }, facts: { today: '2026-03-01' }, actor, recordedAt: at, fromStage: null, toStage: 'proposed', prevHash: GENESIS_HASH };
        const firstHash = recordHash(first);
        await insert(
          'INSERT INTO decision (id, catalog_id, organ_id, undertaking_unit_id, implementing_unit_id, year, title, category, definition_id, definition_version, stage, revision, complete, snapshot, version, last_seq, last_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [ids.decision, ids.catalog, ids.gov, ids.ndrc, null, 2026, '老旧小区改造三年规划', 'development_plan', 'major-decision', 1, 'proposed', 1, false, JSON.stringify({ value: 'proposed', context: {} }), 1, 1, firstHash, at, at],
        );
        await insert(
          'INSERT INTO procedure_record (decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [ids.decision, 1, 1, first.type, JSON.stringify(first.payload), JSON.stringify(first.facts), JSON.stringify(actor), at, null, 'proposed', GENESIS_HASH, firstHash],
        );
        await insert(
          'INSERT INTO violation_attempt (id, decision_id, organ_id, event, code, stage, legal_basis, missing, payload, actor, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [ids.violation, ids.decision, ids.gov, 'RECORD_DRAFT', 'DRAFTING_NOT_STARTED', 'proposed', '["SC713-12"]', '[]', JSON.stringify({ summary: '草案' }), JSON.stringify(actor), at],
        );
      } finally {
        await old.destroy();
      }

      const config = loadConfig({
        DB_PATH: db.config.path || '/nonexistent/unused.sqlite',
        ...(db.config.type === 'postgres' ? { DB_TYPE: 'postgres', DATABASE_URL: PG_URL } : {}),
        JWT_SECRET: 'the-secret-of-the-upgraded-installation-0123456789',
        BCRYPT_COST: '4',
        DEADLINE_SCAN_INTERVAL_MINUTES: '0',
      });
      app = await createApp({ ...config, database: db.config }, { logger: ['error', 'fatal'] });
      await app.listen(0, '127.0.0.1');
      http = request(app.getHttpServer());
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    const login = async (who: { username: string; password: string }) => {
      const res = await http.post('/auth/login').send(who);
      expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ status: 200, text: '' });
      return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
    };

    it('signs in the old accounts with their old passwords (the new rule binds the next change)', async () => {
      await login(OLD_ADMIN);
      const me = await http.get('/auth/me').set(await login(OLD_USER)).expect(200);
      expect(me.body).toMatchObject({ id: ids.user, username: 'fgj', orgUnitId: ids.ndrc });
    });

    it('shows the old units active, and refuses to deactivate one that has an open case and an enabled user', async () => {
      const admin = await login(OLD_ADMIN);
      const units = (await http.get('/org-units').set(admin).expect(200)).body as Array<{ id: string; active: boolean }>;
      expect(units.map((u) => [u.id, u.active])).toEqual(expect.arrayContaining([[ids.gov, true], [ids.ndrc, true]]));
      // 区发改局 has an open case and an enabled user: both stand in the way.
      expect((await http.patch(`/org-units/${ids.ndrc}`).set(admin).send({ active: false })).status).toBe(409);
    });

    it('keeps the old record, which still verifies, and shows the old refused attempt with its size and digest', async () => {
      expect(await app.get(ChainVerifier).verifyDecision(ids.decision)).toEqual({ ok: true, events: 1 });
      const user = await login(OLD_USER);
      const history = (await http.get(`/decisions/${ids.decision}/history`).set(user).expect(200)).body as Array<{ seq: number; type: string }>;
      expect(history.map((r) => [r.seq, r.type])).toEqual([[1, 'ITEM_PROPOSED']]);
      const violations = (await http.get(`/decisions/${ids.decision}/violations`).set(user).expect(200)).body as Array<Record<string, unknown>>;
      expect(violations).toEqual([
        expect.objectContaining({ id: ids.violation, code: 'DRAFTING_NOT_STARTED', payload: { summary: '草案' }, payloadTruncated: false, payloadBytes: Buffer.byteLength(JSON.stringify({ summary: '草案' })), payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown }),
      ]);
    });

    it('tells apart the units that shared a name under one parent, the oldest keeping it, each renaming in the admin log', async () => {
      const admin = await login(OLD_ADMIN);
      const units = (await http.get('/org-units?pageSize=500').set(admin).expect(200)).body as Array<{ id: string; name: string; parentId: string | null }>;
      const nameOf = (id: string) => units.find((u) => u.id === id)?.name;
      expect([nameOf(ids.ndrc), nameOf(twins.suffixed), nameOf(twins.second), nameOf(twins.third)]).toEqual(['区发改局', '区发改局（重名2）', '区发改局（重名3）', '区发改局（重名4）']);
      const underGov = units.filter((u) => u.parentId === ids.gov).map((u) => u.name);
      expect(new Set(underGov).size).toBe(underGov.length);

      await http.post('/users').set(admin).send({ username: 'yfzqb', password: 'Upgrade-Auditor-2026', displayName: '依法治区办', orgUnitId: ids.gov, roles: ['auditor'] }).expect(201);
      const auditor = await login({ username: 'yfzqb', password: 'Upgrade-Auditor-2026' });
      const renamed = (await http.get('/audit/admin-log?action=ORG_UNIT_RENAMED').set(auditor).expect(200)).body as Array<Record<string, unknown>>;
      // Both renamed in the same instant: in the order of their new names.
      const byNewName = (e: Record<string, unknown>) => (e.after as { name: string }).name;
      renamed.sort((a, b) => byNewName(a).localeCompare(byNewName(b)));
      expect(renamed.map((e) => [(e.target as { id: string }).id, e.before, e.after, e.actor])).toEqual([
        [twins.second, { name: '区发改局' }, { name: '区发改局（重名3）' }, null],
        [twins.third, { name: '区发改局' }, { name: '区发改局（重名4）' }, null],
      ]);
      for (const e of renamed) expect(e.note).toMatch(/同名/);
    });

    it('refuses from now on a unit named like another under the same parent, in the service and in the database', async () => {
      const admin = await login(OLD_ADMIN);
      const res = await http.post('/org-units').set(admin).send({ name: '区发改局', kind: 'department', parentId: ids.gov });
      expect({ status: res.status, code: (res.body as { code: string }).code }).toEqual({ status: 409, code: 'ORG_UNIT_NAME_TAKEN' });
      const runner = app.get(TransactionRunner);
      await expect(
        runner.write((tx) => tx.execute('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)', [randomUUID(), '区发改局', 'department', ids.gov, new Date().toISOString()])),
      ).rejects.toBeDefined();
      expect(await runner.read((tx) => tx.query('SELECT id FROM org_unit WHERE name = ?', ['区发改局']))).toEqual([{ id: ids.ndrc }]);
    });

    it('ends the old user’s tokens when the administrator disables the account', async () => {
      const user = await login(OLD_USER);
      await http.patch(`/users/${ids.user}`).set(await login(OLD_ADMIN)).send({ disabled: true }).expect(200);
      expect((await http.get('/auth/me').set(user)).status).toBe(401);
    });
  });
}
