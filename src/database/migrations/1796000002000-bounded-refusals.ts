import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keptPayload } from '../../engine/refused-payload';

/** Rows whose ids are read per round; each round then loads payloads in batches of at most BATCH_CHARS. */
const PAGE_ROWS = 500;
/** Characters of payload loaded at once (a stored payload could reach the 1 MB body limit). */
const BATCH_CHARS = 4_000_000;

/**
 * A refused attempt keeps a bounded excerpt of its payload (src/engine/refused-payload.ts): the size
 * in bytes and the SHA-256 of the whole JSON, and whether `payload` holds only its first 2 KiB.
 * Existing rows get their size and digest computed from the stored JSON, and oversized payloads
 * are cut to the excerpt, page by page (ids first, then payloads in batches of bounded size), so
 * that a table grown by an attack is carried without loading it whole. Rows done have a digest;
 * a migration stopped half-way starts again where it left off.
 *
 * The columns are added with ALTER TABLE … ADD COLUMN on both dialects (TypeORM would rebuild the
 * whole SQLite table). SQLite reuses the pages freed by the shrunk payloads; the file itself only
 * shrinks with a VACUUM.
 */
export class BoundedRefusals1796000002000 implements MigrationInterface {
  name = 'BoundedRefusals1796000002000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const sql = (text: string) => (pg ? numbered(text) : text);
    await q.query('ALTER TABLE violation_attempt ADD COLUMN payload_bytes integer');
    await q.query('ALTER TABLE violation_attempt ADD COLUMN payload_sha256 varchar(64)');
    await q.query('ALTER TABLE violation_attempt ADD COLUMN payload_truncated boolean NOT NULL DEFAULT false');

    for (;;) {
      const page = (await q.query(sql('SELECT id, length(payload) AS n FROM violation_attempt WHERE payload_sha256 IS NULL ORDER BY id LIMIT ?'), [PAGE_ROWS])) as Array<{
        id: string;
        n: number | string;
      }>;
      if (!page.length) break;
      for (const ids of batches(page)) {
        const rows = (await q.query(sql(`SELECT id, payload FROM violation_attempt WHERE id IN (${ids.map(() => '?').join(', ')})`), ids)) as Array<{ id: string; payload: string }>;
        for (const row of rows) {
          const kept = keptPayload(row.payload);
          await q.query(sql('UPDATE violation_attempt SET payload = ?, payload_bytes = ?, payload_sha256 = ?, payload_truncated = ? WHERE id = ?'), [
            kept.text,
            kept.bytes,
            kept.sha256,
            pg ? kept.truncated : Number(kept.truncated),
            row.id,
          ]);
        }
      }
    }
  }

  /** The columns go; a payload cut to its excerpt stays cut. */
  async down(q: QueryRunner): Promise<void> {
    for (const column of ['payload_truncated', 'payload_sha256', 'payload_bytes']) await q.query(`ALTER TABLE violation_attempt DROP COLUMN ${column}`);
  }
}

/** Ids grouped so that the payloads of a group hold at most BATCH_CHARS characters (one oversized row alone). */
function batches(page: Array<{ id: string; n: number | string }>): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const { id, n } of page) {
    const size = Number(n);
    if (current.length && chars + size > BATCH_CHARS) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(id);
    chars += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** `?` placeholders as PostgreSQL numbers them. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
