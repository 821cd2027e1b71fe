import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { TOKEN_ISSUER } from '../../src/auth/auth.module';
import { createTestApp, expectProblem, fieldsOf, TEST_ADMIN, type TestApp } from '../support/test-app';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authentication and the HTTP pipeline', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.adminToken();
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('answers 200 with a token, its lifetime and the user, never a password', async () => {
      const res = await t.http.post('/auth/login').send(TEST_ADMIN).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 28800,
        user: expect.objectContaining({ username: 'admin', roles: ['admin'], orgUnitId: null, disabled: false }),
      });
      expect(res.text).not.toMatch(/password/i);
      expect(res.text).not.toContain('$2');
    });

    it('takes the username in any case', async () => {
      await t.http.post('/auth/login').send({ username: 'ADMIN', password: TEST_ADMIN.password }).expect(200);
    });

    it('GET /auth/me answers the signed-in user', async () => {
      const res = await t.http.get('/auth/me').set(t.bearer(adminToken)).expect(200);
      expect(res.body).toMatchObject({ username: 'admin', roles: ['admin'] });
      expect(Object.keys(res.body)).not.toContain('passwordHash');
    });

    it('refuses a wrong password or an unknown user alike with 401, changing nothing', async () => {
      const wrong = await t.unchanged(async () =>
        expectProblem(await t.http.post('/auth/login').send({ ...TEST_ADMIN, password: 'not-the-password' }), 401, 'INVALID_CREDENTIALS'),
      );
      const unknown = expectProblem(
        await t.http.post('/auth/login').send({ username: 'nobody', password: 'not-the-password' }),
        401,
        'INVALID_CREDENTIALS',
      );
      expect(unknown.detail).toBe(wrong.detail);
    });

    it('names a missing or unknown field with 400', async () => {
      const missing = expectProblem(await t.http.post('/auth/login').send({ username: 'admin' }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(missing)).toEqual(['password', 'password', 'password']);
      const unknown = expectProblem(await t.http.post('/auth/login').send({ ...TEST_ADMIN, remember: true }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(unknown)).toEqual(['remember']);
      const wrongType = expectProblem(await t.http.post('/auth/login').send({ username: 42, password: ['x'] }), 400, 'VALIDATION_FAILED');
      expect(new Set(fieldsOf(wrongType))).toEqual(new Set(['username', 'password']));
      const notAnObject = expectProblem(await t.http.post('/auth/login').send([TEST_ADMIN]), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(notAnObject)).toEqual(['body']);
    });

    it('answers malformed JSON with 400 MALFORMED_JSON before anything else', async () => {
      const res = await t.http.post('/users').set('Content-Type', 'application/json').send('{"username": "x",');
      expectProblem(res, 400, 'MALFORMED_JSON');
      expectProblem(await t.http.post('/auth/login').set('Content-Type', 'application/json').send('null'), 400, 'MALFORMED_JSON');
    });

    it('answers a body over 1 MB with 413', async () => {
      const res = await t.http.post('/auth/login').send({ username: 'x'.repeat(1_100_000), password: 'y' });
      expect(expectProblem(res, 413, 'PAYLOAD_TOO_LARGE').type).toBe('urn:problem:payload-too-large');
    });
  });

  describe('the JWT guard', () => {
    const protectedRoutes: [string, string][] = [
      ['get', '/auth/me'],
      ['get', '/users'],
      ['post', '/users'],
      ['get', '/org-units'],
      ['post', '/org-units'],
    ];
    const send = (method: string, path: string) => (method === 'get' ? t.http.get(path) : t.http.post(path).send({}));

    it.each(protectedRoutes)('%s %s without a token → 401 UNAUTHENTICATED, with WWW-Authenticate', async (method, path) => {
      const res = await t.unchanged(() => send(method, path));
      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(protectedRoutes)('%s %s with a forged token → 401 TOKEN_INVALID', async (method, path) => {
      const forged = t.app.get(JwtService).sign(
        { sub: 'x', username: 'admin', roles: ['admin'], orgUnitId: null },
        { secret: 'another-secret-another-secret-another' },
      );
      expectProblem(await send(method, path).set(t.bearer(forged)), 401, 'TOKEN_INVALID');
    });

    it.each(protectedRoutes)('%s %s with an expired token → 401 TOKEN_EXPIRED', async (method, path) => {
      const me = (await t.http.get('/auth/me').set(t.bearer(adminToken))).body as { id: string };
      const expired = t.app.get(JwtService).sign(
        { sub: me.id, username: 'admin', roles: ['admin'], orgUnitId: null },
        { expiresIn: -60 },
      );
      expectProblem(await send(method, path).set(t.bearer(expired)), 401, 'TOKEN_EXPIRED');
    });

    it('refuses a token that expired after it was last accepted', async () => {
      const me = (await t.http.get('/auth/me').set(t.bearer(adminToken))).body as { id: string };
      const shortLived = t.app.get(JwtService).sign({ sub: me.id, username: 'admin', roles: ['admin'], orgUnitId: null }, { expiresIn: 1 });
      await t.http.get('/auth/me').set(t.bearer(shortLived)).expect(200);
      await new Promise((r) => setTimeout(r, 1100));
      expectProblem(await t.http.get('/auth/me').set(t.bearer(shortLived)), 401, 'TOKEN_EXPIRED');
    });

    it('refuses a token signed with the app’s secret but without an expiry', async () => {
      const me = (await t.http.get('/auth/me').set(t.bearer(adminToken))).body as { id: string };
      const claims = { sub: me.id, username: 'admin', roles: ['admin'], orgUnitId: null, ver: 0, iss: TOKEN_ISSUER, iat: Math.floor(Date.now() / 1000) };
      const signingInput = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
      const eternal = `${signingInput}.${createHmac('sha256', Buffer.from(t.config.auth.jwtSecret, 'utf8')).update(signingInput).digest('base64url')}`;
      expectProblem(await t.http.get('/auth/me').set(t.bearer(eternal)), 401, 'TOKEN_INVALID');
      // The same claims with an expiry pass: the missing `exp` is what is refused.
      const withExp = t.app.get(JwtService).sign({ sub: me.id, username: 'admin', roles: ['admin'], orgUnitId: null, ver: 0 });
      await t.http.get('/auth/me').set(t.bearer(withExp)).expect(200);
    });

    it('refuses garbage, an unsigned (alg none) token and other schemes', async () => {
      const payload = JSON.parse(Buffer.from(adminToken.split('.')[1], 'base64url').toString()) as object;
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
      for (const header of ['Bearer not.a.token', `Bearer ${unsigned}`, `Basic ${Buffer.from('admin:x').toString('base64')}`, 'Bearer']) {
        expectProblem(await t.http.get('/auth/me').set('Authorization', header), 401, 'TOKEN_INVALID');
      }
    });

    it('refuses the token of a user who was disabled or deleted since', async () => {
      const other = await createUser(t, adminToken, 'leaver');
      const token = await t.login(other.username, other.password);
      await t.http.get('/auth/me').set(t.bearer(token)).expect(200);
      await t.tx.write((tx) => tx.execute('UPDATE app_user SET disabled = 1 WHERE username = ?', ['leaver']));
      expectProblem(await t.http.get('/auth/me').set(t.bearer(token)), 401, 'TOKEN_INVALID');
      expectProblem(await t.http.post('/auth/login').send(other), 401, 'INVALID_CREDENTIALS');
      await t.tx.write((tx) => tx.execute('DELETE FROM app_user WHERE username = ?', ['leaver']));
      expectProblem(await t.http.get('/auth/me').set(t.bearer(token)), 401, 'TOKEN_INVALID');
    });
  });

  describe('the pipeline', () => {
    it('GET /health is public and reports the database', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up', dialect: 'sqlite' });
    });

    it('sends back the caller’s X-Request-Id, or a new one', async () => {
      const mine = await t.http.get('/health').set('X-Request-Id', 'trace-123');
      expect(mine.headers['x-request-id']).toBe('trace-123');
      const made = await t.http.get('/health').set('X-Request-Id', 'bad id\twith tab');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sends Cache-Control: no-store on login and on every authenticated answer, errors included', async () => {
      const answers = [
        await t.http.post('/auth/login').send(TEST_ADMIN),
        await t.http.post('/auth/login').send({ ...TEST_ADMIN, password: 'Not-The-Password-1' }),
        await t.http.get('/auth/me').set(t.bearer(adminToken)),
        await t.http.get('/users').set(t.bearer(adminToken)),
        await t.http.get('/users').set(t.bearer('not.a-token')),
        await t.http.get('/users'),
        await t.http.post('/users').set(t.bearer(adminToken)).set('Content-Type', 'application/json').send('{"username":'),
        await t.http.post('/users').set(t.bearer(adminToken)).send({}),
      ];
      expect(answers.map((r) => [r.status, r.headers['cache-control']])).toEqual([
        [200, 'no-store'],
        [401, 'no-store'],
        [200, 'no-store'],
        [200, 'no-store'],
        [401, 'no-store'],
        [401, 'no-store'],
        [400, 'no-store'],
        [400, 'no-store'],
      ]);
    });

    it('sets security headers', async () => {
      const res = await t.http.get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('answers an unknown route with a 404 problem, token or not, and a route of another method with 405 and Allow', async () => {
      expect(expectProblem(await t.http.get('/no/such/route'), 404, 'NOT_FOUND').detail).toBe('没有这个接口：GET /no/such/route。请核对地址，接口说明见 /docs。');
      const wrongMethod = await t.http.delete('/org-units').set(t.bearer(adminToken));
      expect(expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED').detail).toBe('地址 /org-units 不支持 DELETE 请求，可用的请求方法：GET、HEAD、POST。接口说明见 /docs。');
      expect(wrongMethod.headers.allow).toBe('GET, HEAD, POST');
    });

    it('serves the OpenAPI document and Swagger UI without a token', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
        components: { securitySchemes: Record<string, unknown> };
        security: unknown[];
      };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/auth/me', '/users', '/org-units', '/health']));
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/auth/login'].post.security).toEqual([{}]);
      expect(doc.paths['/users'].post.security).toBeUndefined();
      const ui = await t.http.get('/docs').expect(200);
      expect(ui.text).toContain('swagger-ui');
    });

    it('documents every route of the contract, and each step of progress with its deadline', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/catalogs', '/catalogs/{id}', '/catalogs/{id}/items', '/catalogs/{id}/publish', '/catalogs/{id}/items/{decisionId}',
          '/public/catalogs', '/decisions', '/decisions/{id}', '/decisions/{id}/events', '/decisions/{id}/history',
          '/decisions/{id}/violations', '/public/decisions', '/public/decisions/{id}', '/workflows',
          '/workflows/{id}/{version}/diagram', '/reviews', '/calendar/working-days', '/calendar/days',
        ]),
      );
      expect(Object.keys(doc.components.schemas.ProgressEntryDto.properties)).toEqual(
        expect.arrayContaining(['step', 'status', 'legalBasis', 'dueOn', 'light', 'workingDaysLeft', 'workingDaysOverdue', 'deadline']),
      );
      // A catalog's items are whole or, outside the caller's scope, restricted: both shapes are named.
      expect(doc.components.schemas.CatalogDto.properties.items).toEqual({
        type: 'array',
        items: { oneOf: [{ $ref: '#/components/schemas/CatalogItemDto' }, { $ref: '#/components/schemas/RestrictedCatalogItemDto' }] },
        description: expect.any(String) as unknown,
      });
      expect(Object.keys(doc.components.schemas.RestrictedCatalogItemDto.properties)).toEqual(expect.arrayContaining(['requiredSteps', 'restricted']));
      expect(Object.keys(doc.components.schemas.OrgUnitDto.properties)).toEqual(expect.arrayContaining(['active', 'updatedAt']));
    });
  });
});

describe('failures of the service itself', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ logger: false });
  });
  afterEach(() => t.close());

  it('answers an unexpected error with 500 INTERNAL_ERROR and an errorId, nothing internal', async () => {
    const token = await t.adminToken();
    await t.tx.write((tx) => tx.execute('DROP TABLE org_unit'));
    const res = await t.http.get('/org-units').set(t.bearer(token));
    const body = expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.text).not.toMatch(/org_unit|SQLITE|select/i);
  });

  it('GET /health answers 503 when the database does not answer', async () => {
    await t.app.get(DataSource).destroy();
    expectProblem(await t.http.get('/health'), 503, 'DATABASE_UNAVAILABLE');
  });
});

describe('failed-login limit', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const fail = (username: string) => t.http.post('/auth/login').send({ username, password: 'wrong-password' });

  it('allows 10 failures per username, then refuses even the right password with 429', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await fail('admin'), 401, 'INVALID_CREDENTIALS');
    const res = await t.http.post('/auth/login').send(TEST_ADMIN);
    const body = expectProblem(res, 429, 'TOO_MANY_ATTEMPTS');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBe(body.retryAfterSeconds);
  });

  it('holds back only that username from that address: another username from the same address signs in', async () => {
    const other = await createUser(t, await t.adminToken(), 'zfb');
    for (let i = 0; i < 10; i++) expectProblem(await fail('admin'), 401, 'INVALID_CREDENTIALS');
    expectProblem(await t.http.post('/auth/login').send(TEST_ADMIN), 429, 'TOO_MANY_ATTEMPTS');
    await t.http.post('/auth/login').send(other).expect(200);
  });

  it('then makes the same username and address wait 1, 2, 4 minutes after the latest failure, doubling per further failure', async () => {
    // Only Date is faked: the limiter's clock moves, the server's timers and sockets run as usual.
    jest.useFakeTimers({ doNotFake: [...NOT_DATE], now: Date.now() });
    try {
      for (let i = 0; i < 10; i++) expectProblem(await fail('admin'), 401, 'INVALID_CREDENTIALS');
      const waits: number[] = [];
      for (let round = 0; round < 3; round++) {
        const res = await t.http.post('/auth/login').send(TEST_ADMIN);
        const body = expectProblem(res, 429, 'TOO_MANY_ATTEMPTS');
        expect(Number(res.headers['retry-after'])).toBe(body.retryAfterSeconds);
        waits.push(body.retryAfterSeconds as number);
        jest.setSystemTime(Date.now() + (body.retryAfterSeconds as number) * 1000 - 2000);
        expectProblem(await t.http.post('/auth/login').send(TEST_ADMIN), 429, 'TOO_MANY_ATTEMPTS');
        jest.setSystemTime(Date.now() + 2000);
        if (round < 2) expectProblem(await fail('admin'), 401, 'INVALID_CREDENTIALS');
      }
      expect(waits).toEqual([60, 120, 240]);
      await t.http.post('/auth/login').send(TEST_ADMIN).expect(200);
    } finally {
      jest.useRealTimers();
    }
  });

  it('allows 100 failures per client address across usernames (password spraying), then 429 for every username there', async () => {
    for (let i = 0; i < 100; i++) expectProblem(await fail(`guess${i}`), 401, 'INVALID_CREDENTIALS');
    expectProblem(await fail('guess100'), 429, 'TOO_MANY_ATTEMPTS');
    expectProblem(await t.http.post('/auth/login').send(TEST_ADMIN), 429, 'TOO_MANY_ATTEMPTS');
  });

  it('counts only failures: successful logins do not use up the limit', async () => {
    for (let i = 0; i < 15; i++) await t.http.post('/auth/login').send(TEST_ADMIN).expect(200);
    for (let i = 0; i < 10; i++) expectProblem(await fail('someone'), 401, 'INVALID_CREDENTIALS');
    expectProblem(await fail('someone'), 429, 'TOO_MANY_ATTEMPTS');
  });

  it('holds under concurrent guesses', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => fail('admin')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe('failed-login limit behind a reverse proxy (TRUST_PROXY)', () => {
  const fromAddress = (t: TestApp, address: string, password: string) =>
    t.http.post('/auth/login').set('X-Forwarded-For', address).send({ username: TEST_ADMIN.username, password });

  it('with TRUST_PROXY, counts the forwarded client address: 10+ failures from A do not stop the right password from B', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      for (let i = 0; i < 10; i++) expectProblem(await fromAddress(t, '203.0.113.5', 'Wrong-Guess-2026'), 401, 'INVALID_CREDENTIALS');
      for (let i = 0; i < 3; i++) expectProblem(await fromAddress(t, '203.0.113.5', TEST_ADMIN.password), 429, 'TOO_MANY_ATTEMPTS');
      await fromAddress(t, '198.51.100.7', TEST_ADMIN.password).expect(200);
      // The proxy's own address (the socket's) is a client like any other.
      await t.http.post('/auth/login').send(TEST_ADMIN).expect(200);
    } finally {
      await t.close();
    }
  });

  it('without TRUST_PROXY, ignores X-Forwarded-For: every request is the socket’s address', async () => {
    const t = await createTestApp();
    try {
      for (let i = 0; i < 10; i++) expectProblem(await fromAddress(t, '203.0.113.5', 'Wrong-Guess-2026'), 401, 'INVALID_CREDENTIALS');
      expectProblem(await fromAddress(t, '198.51.100.7', TEST_ADMIN.password), 429, 'TOO_MANY_ATTEMPTS');
    } finally {
      await t.close();
    }
  });
});

/** Every Date-free API Jest can fake: faking only Date moves the clock without stopping the server. */
const NOT_DATE = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout',
] as const;

async function createUser(t: TestApp, adminToken: string, username: string): Promise<{ username: string; password: string }> {
  const gov = await t.http.post('/org-units').set(t.bearer(adminToken)).send({ name: `${username} 政府`, kind: 'government' }).expect(201);
  const password = 'Office-Clerk-2026';
  await t.http
    .post('/users')
    .set(t.bearer(adminToken))
    .send({ username, password, displayName: username, orgUnitId: gov.body.id, roles: ['office'] })
    .expect(201);
  return { username, password };
}
