/**
 * The account lifecycle on PostgreSQL with two API instances on one database: an account change
 * made through one instance ends the user's tokens on the other at once (each instance reads the
 * token version on every request; neither keeps it), and two administrators disabling each other
 * at the same moment through different instances cannot leave the district without one.
 */
import { expectProblem, createPostgresInstances, type TestApp } from '../../test/support/test-app';

describe('accounts on PostgreSQL, two instances', () => {
  let close: () => Promise<void>;
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  let unitId: string;

  beforeAll(async () => {
    ({ instances: [a, b], close } = await createPostgresInstances(2));
    admin = await a.adminToken();
    unitId = ((await a.http.post('/org-units').set(a.bearer(admin)).send({ name: '前进区人民政府', kind: 'government' }).expect(201)).body as { id: string }).id;
  });

  afterAll(async () => {
    await close?.();
  });

  let seq = 0;
  const newUser = async (roles: string[], creator = admin) => {
    const username = `pg-user${++seq}`;
    const password = `Pg-Account-${seq}-2026`;
    const res = await a.http.post('/users').set(a.bearer(creator)).send({ username, password, displayName: username, orgUnitId: unitId, roles }).expect(201);
    return { id: (res.body as { id: string }).id, username, password, token: await b.login(username, password) };
  };
  const me = (t: TestApp, token: string) => t.http.get('/auth/me').set(t.bearer(token));

  it('a revocation, reset, role change or disabling through one instance ends the tokens on the other at once', async () => {
    const u = await newUser(['office']);
    await me(b, u.token).expect(200); // the signature is now cached on b
    await a.http.post(`/users/${u.id}/sessions/revoke`).set(a.bearer(admin)).expect(204);
    expectProblem(await me(b, u.token), 401, 'TOKEN_REVOKED');

    let token = await b.login(u.username, u.password);
    await a.http.post(`/users/${u.id}/password`).set(a.bearer(admin)).send({ password: 'Pg-Reset-By-Admin-2026' }).expect(204);
    expectProblem(await me(b, token), 401, 'TOKEN_REVOKED');

    token = await b.login(u.username, 'Pg-Reset-By-Admin-2026');
    await a.http.patch(`/users/${u.id}`).set(a.bearer(admin)).send({ roles: ['office', 'department'] }).expect(200);
    expectProblem(await me(b, token), 401, 'TOKEN_REVOKED');

    token = await b.login(u.username, 'Pg-Reset-By-Admin-2026');
    await a.http.patch(`/users/${u.id}`).set(a.bearer(admin)).send({ disabled: true }).expect(200);
    expectProblem(await me(b, token), 401, 'TOKEN_INVALID');
    expectProblem(await b.http.post('/auth/login').send({ username: u.username, password: 'Pg-Reset-By-Admin-2026' }), 401, 'INVALID_CREDENTIALS');
  });

  it('the user’s own change through one instance ends its other tokens on the other', async () => {
    const u = await newUser(['department']);
    const res = await a.http.post('/auth/password').set(a.bearer(u.token)).send({ currentPassword: u.password, newPassword: 'Pg-Own-Choice-2026' }).expect(200);
    expectProblem(await me(b, u.token), 401, 'TOKEN_REVOKED');
    await me(b, (res.body as { accessToken: string }).accessToken).expect(200);
  });

  it('two administrators disabling each other at once through different instances: one succeeds, one administrator stays', async () => {
    // Two administrators besides the first, which is then disabled: each round races the only two.
    const x = await newUser(['admin']);
    const y = await newUser(['admin']);
    const me0 = (await a.http.get('/auth/me').set(a.bearer(admin)).expect(200)).body as { id: string };
    await a.http.patch(`/users/${me0.id}`).set(a.bearer(x.token)).send({ disabled: true }).expect(200);
    let pair = [x, y];
    for (let round = 0; round < 5; round++) {
      const [p, q] = pair;
      const answers = await Promise.all([
        a.http.patch(`/users/${q.id}`).set(a.bearer(p.token)).send({ disabled: true }),
        b.http.patch(`/users/${p.id}`).set(b.bearer(q.token)).send({ disabled: true }),
      ]);
      // The loser is refused by the count (409), or, when its request is read after the winner's
      // commit, already by its ended token (401): either way exactly one succeeds.
      const statuses = answers.map((r) => r.status).sort();
      expect({ round, ok: statuses[0] }).toEqual({ round, ok: 200 });
      expect([401, 409]).toContain(statuses[1]);
      for (const r of answers) if (r.status === 409) expectProblem(r, 409, 'LAST_ACTIVE_ADMIN');
      for (const r of answers) if (r.status === 401) expectProblem(r, 401, 'TOKEN_REVOKED');
      const survivor = answers[0].status === 200 ? p : q;
      await me(a, survivor.token).expect(200);
      // The survivor appoints the next rival.
      const rival = await newUser(['admin'], survivor.token);
      pair = [survivor, rival];
    }
  });
});
