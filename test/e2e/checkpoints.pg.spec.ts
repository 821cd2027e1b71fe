import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { CheckpointsService } from '../../src/checkpoints/checkpoints.service';
import { checkpointsSuite, keyFileForPostgres, type KeptCheckpoint } from '../support/checkpoints-suite';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict } from '../support/district';
import { createPostgresInstances, createTestApp, expectProblem } from '../support/test-app';

checkpointsSuite(true);

describe('checkpoints on several PostgreSQL instances', () => {
  it('makes one chain, never a fork, when instances make checkpoints at the same time; the schedule skips the turn another instance holds', async () => {
    const key = keyFileForPostgres();
    process.env.CHECKPOINT_KEY_FILE = key.file;
    const { instances, close } = await createPostgresInstances(2);
    try {
      const [one, two] = instances;
      const d = await createDistrict(one);
      const f = decisionFixture(one, d);
      const id = await f.decision({ through: ['CATALOG_PUBLISHED'] });
      const services = instances.map((t) => t.app.get(CheckpointsService));
      const made = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => services[i % 2].make()));
      expect(made.every((m) => m.made)).toBe(true);
      await f.advance(id, ['START_DRAFTING']);
      const scheduled = await Promise.all(services.map((s) => s.make({ skipUnchanged: true, skipWhenBusy: true })));
      expect(scheduled.filter((m) => m.made)).toHaveLength(1);
      expect(scheduled.filter((m) => !m.made).map((m) => !m.made && m.reason)).toEqual([expect.stringMatching(/^(busy|unchanged)$/)]);

      const list = (await two.http.get('/public/checkpoints').expect(200)).body as KeptCheckpoint[];
      expect(list.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (let i = 1; i < list.length; i++) expect(list[i].prevCheckpointHash).toBe(createHash('sha256').update(canonicalize(list[i - 1]) as string).digest('hex'));
      expect((await one.http.post('/audit/checkpoints/verify').set(one.bearer(d.tokens.auditor)).send({ checkpoints: list }).expect(200)).body).toMatchObject({ ok: true, checked: 7 });
    } finally {
      await close();
      delete process.env.CHECKPOINT_KEY_FILE;
      key.remove();
    }
  });

  it('without CHECKPOINT_KEY_FILE starts, and makes no checkpoint: 409 naming the variable', async () => {
    const t = await createTestApp({ postgres: true });
    try {
      const d = await createDistrict(t);
      const refused = await t.unchanged(async () => expectProblem(await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.auditor)), 409, 'CHECKPOINT_KEY_MISSING'));
      expect(refused.detail).toContain('CHECKPOINT_KEY_FILE');
      expect((await t.http.get('/public/checkpoints/keys').expect(200)).body).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
