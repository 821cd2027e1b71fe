import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The token version of each account: every access token carries the version it was issued under,
 * and a password change or reset, disabling, a change of roles or unit, or an explicit revocation
 * raises it, which ends every token issued before at once. Existing accounts start at 0, the
 * version a token without the claim is read as, so tokens issued before this migration stay valid
 * until the account's first such change.
 */
export class AccountLifecycle1796000001000 implements MigrationInterface {
  name = 'AccountLifecycle1796000001000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both dialects: TypeORM's addColumn would rebuild the SQLite table.
    await q.query('ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user DROP COLUMN token_version');
  }
}
