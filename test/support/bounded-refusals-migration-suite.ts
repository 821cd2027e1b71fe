/**
 * The migration 1796000002000-bounded-refusals on a database made by the migrations before it,
 * holding violation rows written the old way (the whole payload), on SQLite and PostgreSQL:
 * every row gets the size and SHA-256 of its stored JSON, oversized payloads become their 2 KiB
 * excerpt, the rest stays as it was. More rows than a page, and more payload than a batch.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { BoundedRefusals1796000002000 } from '../../src/database/migrations/1796000002000-bounded-refusals';
import { REFUSED_PAYLOAD_MAX_BYTES } from '../../src/engine/refused-payload';
import type { TestDatabase, TestDatabaseOptions } from './databases';

interface OldRow {
  id: string;
  payload: string;
}

const OLD_INSERT =
  'INSERT INTO violation_attempt (id, decision_id, organ_id, event, code, stage, legal_basis, missing, payload, actor, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Old rows: 1,200 small payloads, 'null', one of exactly 2 KiB, and ten of ~600,000 characters (Chinese, so ~1.8 MB each as UTF-8). */
function oldRows(): OldRow[] {
  const rows: OldRow[] = [];
  for (let i = 0; i < 1200; i++) rows.push({ id: randomUUID(), payload: JSON.stringify({ startedOn: '2026-03-02', n: i }) });
  rows.push({ id: randomUUID(), payload: 'null' });
  rows.push({ id: randomUUID(), payload: JSON.stringify({ s: 'x'.repeat(REFUSED_PAYLOAD_MAX_BYTES - 8) }) });
  for (let i = 0; i < 10; i++) rows.push({ id: randomUUID(), payload: JSON.stringify({ lawsReviewed: Array.from({ length: 60 }, (_, k) => `${i}-${k}${'法'.repeat(9_990)}`) }) });
  return rows;
}

export function boundedRefusalsMigrationSuite(name: string, makeDatabase: (opts: TestDatabaseOptions) => Promise<TestDatabase>): void {
  describe(`migration 1796000002000-bounded-refusals (${name})`, () => {
    let db: TestDatabase;
    const rows = oldRows();

    beforeAll(async () => {
      db = await makeDatabase({ migrate: false });
      const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(BoundedRefusals1796000002000));
      expect(before.length).toBeGreaterThan(0);
      const old = new DataSource({ ...createDataSource(db.config).options, migrations: before } as DataSourceOptions);
      await old.initialize();
      try {
        await old.runMigrations({ transaction: 'each' });
        const pg = db.config.type === 'postgres';
        let n = 0;
        const insert = pg ? OLD_INSERT.replace(/\?/g, () => `$${++n}`) : OLD_INSERT;
        for (const r of rows) {
          const actor = JSON.stringify({ userId: 'u1', username: 'fgj', role: 'department', orgUnitId: null });
          await old.query(insert, [r.id, null, null, 'RECORD_DRAFT', 'DRAFTING_NOT_STARTED', 'cataloged', '["SC713-12"]', '[]', r.payload, actor, '2026-03-02T00:00:00.000Z']);
        }
      } finally {
        await old.destroy();
      }
      const full = createDataSource(db.config);
      await full.initialize();
      try {
        await full.runMigrations({ transaction: 'each' });
      } finally {
        await full.destroy();
      }
    }, 120_000);
    afterAll(() => db?.drop());

    it('gives every row the size and SHA-256 of its whole JSON, keeps small payloads and cuts oversized ones to the excerpt', async () => {
      const stored = (await db.dataSource.query(
        'SELECT id, payload, payload_bytes, payload_sha256, payload_truncated, event, code, legal_basis, actor FROM violation_attempt',
      )) as Array<Record<string, unknown>>;
      expect(stored).toHaveLength(rows.length);
      const byId = new Map(stored.map((r) => [r.id as string, r]));
      let truncated = 0;
      for (const r of rows) {
        const s = byId.get(r.id) as Record<string, unknown>;
        const bytes = Buffer.byteLength(r.payload);
        const cut = bytes > REFUSED_PAYLOAD_MAX_BYTES;
        expect({ id: r.id, bytes: Number(s.payload_bytes), sha256: s.payload_sha256, truncated: s.payload_truncated === true || s.payload_truncated === 1 }).toEqual({
          id: r.id,
          bytes,
          sha256: sha256(r.payload),
          truncated: cut,
        });
        const payload = s.payload as string;
        if (cut) {
          truncated++;
          expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES);
          expect(Buffer.byteLength(payload)).toBeGreaterThan(REFUSED_PAYLOAD_MAX_BYTES - 3);
          expect(r.payload.startsWith(payload)).toBe(true);
        } else {
          expect(payload).toBe(r.payload);
        }
        expect(s).toMatchObject({ event: 'RECORD_DRAFT', code: 'DRAFTING_NOT_STARTED', legal_basis: '["SC713-12"]' });
      }
      expect(truncated).toBe(10);
    });

    it('leaves nothing to carry: no row without its digest', async () => {
      const [row] = (await db.dataSource.query('SELECT COUNT(*) AS n FROM violation_attempt WHERE payload_sha256 IS NULL OR payload_bytes IS NULL')) as Array<{ n: number | string }>;
      expect(Number(row.n)).toBe(0);
    });
  });
}
