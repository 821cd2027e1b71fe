/**
 * R4 (README, "The HTTP service": every error a problem): 10,000 generated malformed requests — wrong types, missing fields, unknown
 * fields, huge strings, bad dates, unknown events, nested garbage, bad JSON text, arrays for
 * objects, deep nesting, bodies over the limit, bad query strings and ids — across every write
 * route and every route with a query. Each answer must be below 500, `application/problem+json`
 * with type, title, status, code and detail (a 400 on a parseable body names its fields in
 * `errors`), and leave every table exactly as it was, except the one violation_attempt row a
 * procedure's 422 adds.
 *
 * The generator is a seeded PRNG: the seed is in the test names, R4_SEED=<n> replays another run.
 * Each target draws from its own stream (seed + target name), so a target's cases do not depend
 * on the others'. A failure lists the case number, what was mutated and the answer.
 *
 * The database is fingerprinted (row count and a hash of every row of every table, in rowid
 * order) through a read-only connection of its own to the app's SQLite file, after each request;
 * the fingerprint after one request is the one before the next.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import { EVENT_ACTORS } from '../../workflows/major-decision/v1/actors';
import { EVENT_PAYLOADS, EVENT_TYPES, requirementsShape, type EventType } from '../../workflows/major-decision/v1/events';
import { samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED } from '../../workflows/major-decision/v1/walk';
import { MAX_TEXT, type Field as SchemaField, type Shape } from '../../workflows/schema';
import { REFUSED_PAYLOAD_MAX_BYTES } from '../../src/engine/refused-payload';
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

const SEED = process.env.R4_SEED !== undefined ? Number(process.env.R4_SEED) >>> 0 : 0x5eed_2026;
const TOTAL = 10_000;

/* ---------------------------------------------------------------- PRNG */

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}
interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}
const hashOf = (s: string) => createHash('sha1').update(s).digest().readUInt32LE(0);

/* ---------------------------------------------------------------- field kinds */

type Kind =
  | { k: 'text'; max: number }
  | { k: 'date' }
  | { k: 'bool' }
  | { k: 'int'; min: number; max: number }
  | { k: 'uuid' }
  | { k: 'enum'; values: readonly string[] }
  | { k: 'list'; of: Kind; max: number; unique?: boolean }
  | { k: 'object'; fields: Fields }
  /** A username or password: only its type and length are refused by form. */
  | { k: 'string'; min: number; max: number };
type Fields = Record<string, { kind: Kind; optional?: boolean }>;

const text = (max = 10_000): Kind => ({ k: 'text', max });
const req = (kind: Kind) => ({ kind });
const opt = (kind: Kind) => ({ kind, optional: true });

/** The workflow schema of event payloads, in the generator's terms. */
function fromSchema(shape: Shape): Fields {
  const kind = (f: SchemaField): Kind => {
    switch (f.kind) {
      case 'text':
        return text(MAX_TEXT);
      case 'date':
        return { k: 'date' };
      case 'bool':
        return { k: 'bool' };
      case 'count':
        return { k: 'int', min: 0, max: Number.MAX_SAFE_INTEGER };
      case 'uuid':
        return { k: 'uuid' };
      case 'enum':
        return { k: 'enum', values: f.values };
      case 'list':
        return { k: 'list', of: kind(f.of), max: 1000 };
      case 'object':
        return { k: 'object', fields: fromSchema(f.fields) };
    }
  };
  return Object.fromEntries(Object.entries(shape).map(([name, f]) => [name, { kind: kind(f), optional: f.optional === true }]));
}

const REQUIREMENTS: Kind = { k: 'object', fields: fromSchema(requirementsShape) };

/* ---------------------------------------------------------------- bad values */

const HUGE_900K = 'x'.repeat(900 * 1024);
const BAD_DATES = ['2026-02-30', '2026-2-3', '', '2026-13-01', '99999-01-01', '2026-00-10', '2026-01-32', '2025-02-29', '20260301', '2026/03/01', '2026-03-01T00:00:00Z', ' 2026-03-01', '2026-03-01 ', 'tomorrow', '０２０２６-03-01'];
const UNKNOWN_FIELDS = ['__proto__', 'constructor', 'prototype', 'id', 'status', 'createdAt', 'version', 'extra', '', ' ', 'payload.x', '$where', 'toString', 'hasOwnProperty'];

/** Lone surrogates, bidirectional controls, C0/C1 controls and DEL that a text may not hold. */
const UNCLEAN = ['\ud800', '\udfff', '\ud83d', '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u061c', '\u0007', '\u001b', '\r', '\u000b', '\u007f', '\u0085', '\u009b'];

/** A plausible text with one unclean character somewhere in it. */
function unclean(rng: Rng): string {
  const text = rng.pick(['老旧小区改造', '城区集中供热价格调整方案', 'x', '区发改局 2026']);
  const at = rng.int(text.length + 1);
  return `${text.slice(0, at)}${rng.pick(UNCLEAN)}${text.slice(at)}`;
}

/** Nested arrays and objects, `depth` deep. */
function deep(depth: number, rng: Rng): unknown {
  let v: unknown = rng.pick([1, 'x', null, true, {}]);
  for (let i = 0; i < depth; i++) v = rng.chance(0.5) ? [v] : { [rng.pick(['a', '__proto__', 'constructor', 'b'])]: v };
  return v;
}

/** Any JSON value, likely nested, for unknown fields and garbage. */
function garbage(rng: Rng, depth = 3): unknown {
  switch (rng.int(depth > 0 ? 9 : 6)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1.5, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2]);
    case 3:
      return rng.pick(['', ' ', 'x', '<script>', "'; DROP TABLE decision; --", '\u0000', '\ud800', '汉字'.repeat(rng.int(50))]);
    case 4:
      return 'y'.repeat(10_001 + rng.int(5000));
    case 5:
      return [];
    case 6:
      return Array.from({ length: rng.int(4) + 1 }, () => garbage(rng, depth - 1));
    case 7:
      return Object.fromEntries(Array.from({ length: rng.int(4) + 1 }, () => [rng.pick([...UNKNOWN_FIELDS, 'a', 'b']), garbage(rng, depth - 1)]));
    default:
      return deep(10 + rng.int(200), rng);
  }
}

/** A value the kind must refuse (never null or absent: for an optional field those mean "not given"). */
function badValue(kind: Kind, rng: Rng, valid: unknown): unknown {
  const anyType = () => rng.pick<unknown>([42, -7, 1.5, true, false, [], {}, [valid], { value: valid }, 'x']);
  switch (kind.k) {
    case 'text':
      return rng.pick<unknown>([
        42,
        true,
        [],
        {},
        ['x'],
        { a: 1 },
        '',
        '   ',
        '\n\t',
        'x'.repeat(kind.max + 1),
        '汉'.repeat(kind.max + 1 + rng.int(100)),
        'z'.repeat(Math.max(kind.max, 10_000) + 1 + rng.int(20_000)),
        rng.chance(0.2) ? HUGE_900K : 'w'.repeat(kind.max + 1),
        // Text that is not clean: each alone is refused, whatever the length (workflows/text.ts).
        unclean(rng),
        unclean(rng),
        unclean(rng),
      ]);
    case 'string':
      return rng.pick<unknown>([42, true, [], {}, ['x'], 'x'.repeat(kind.max + 1 + rng.int(10_000)), ...(kind.min > 0 ? ['x'.repeat(kind.min - 1)] : [])]);
    case 'date':
      return rng.chance(0.75) ? rng.pick(BAD_DATES) : rng.pick<unknown>([20260301, true, [], {}, ['2026-03-01'], { date: '2026-03-01' }]);
    case 'bool':
      return rng.pick<unknown>(['true', 'false', 1, 0, '', 'yes', [], {}, [true]]);
    case 'int':
      return rng.pick<unknown>([
        kind.min - 1,
        ...(kind.max < Number.MAX_SAFE_INTEGER ? [kind.max + 1, 99_999] : [Number.MAX_SAFE_INTEGER + 2, 1e21]),
        1.5,
        -0.5,
        String(kind.min + 1),
        '',
        true,
        [],
        {},
        [kind.min + 1],
        -1e20,
        1e308,
      ]);
    case 'uuid':
      return rng.pick<unknown>(['not-a-uuid', '', 12345, true, [], {}, `${String(valid)}x`, String(valid).replace(/-/g, ''), 'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz', `{${String(valid)}}`, [valid]]);
    case 'enum':
      return rng.pick<unknown>(['nope', '', 1, true, [], {}, `${kind.values[0]} `, kind.values[0].toUpperCase() === kind.values[0] ? kind.values[0].toLowerCase() : kind.values[0].toUpperCase(), 'constructor', '__proto__', [kind.values[0]]]);
    case 'list': {
      const sample = Array.isArray(valid) && valid.length ? valid[0] : undefined;
      switch (rng.int(6)) {
        case 0:
          return [];
        case 1:
          return rng.pick<unknown>(['x', 1, {}, true, sample ?? 'x']);
        case 2:
          return [...(Array.isArray(valid) ? valid : []), badValue(kind.of, rng, sample)];
        case 3:
          return Array.from({ length: kind.max + 1 }, (_, i) => (kind.of.k === 'text' ? `条目${i}` : sample));
        case 4:
          return [null];
        default:
          // An entry no list here takes: not text, not a member, not a whole object.
          return [rng.pick<unknown>([1, true, [], '', { [rng.pick(UNKNOWN_FIELDS)]: garbage(rng) }])];
      }
    }
    case 'object':
      return rng.chance(0.4) ? anyType() : mutateObject(kind.fields, (valid ?? {}) as Record<string, unknown>, rng).value;
  }
}

interface Mutation {
  value: Record<string, unknown>;
  what: string;
}

/** The valid object made invalid in one way (recursing into nested objects). */
function mutateObject(fields: Fields, valid: Record<string, unknown>, rng: Rng, path = ''): Mutation {
  const value = structuredClone(valid);
  const names = Object.keys(fields).filter((n) => valid[n] !== undefined || !fields[n].optional);
  const required = Object.keys(fields).filter((n) => !fields[n].optional);
  const op = rng.int(10);
  if (op < 2 && required.length) {
    const name = rng.pick(required);
    if (rng.chance(0.5)) delete value[name];
    else value[name] = null;
    return { value, what: `${path}${name} missing (${name in value ? 'null' : 'absent'})` };
  }
  if (op < 4 || !names.length) {
    const name = rng.pick(UNKNOWN_FIELDS.filter((n) => !(n in fields))) + (rng.chance(0.3) ? String(rng.int(100)) : '');
    Object.defineProperty(value, name, { value: garbage(rng), enumerable: true, configurable: true, writable: true });
    return { value, what: `${path}${name} unknown` };
  }
  const name = rng.pick(names);
  const kind = fields[name].kind;
  if (kind.k === 'object' && valid[name] && typeof valid[name] === 'object' && rng.chance(0.6)) {
    const inner = mutateObject(kind.fields, valid[name] as Record<string, unknown>, rng, `${path}${name}.`);
    value[name] = inner.value;
    return { value, what: inner.what };
  }
  const bad = badValue(kind, rng, valid[name]);
  value[name] = bad;
  return { value, what: `${path}${name} = ${show(bad)}` };
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 40)}…(${s.length} chars)` : s;
}

/* ---------------------------------------------------------------- requests */

interface Case {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  /** Raw body text, sent as is. */
  body?: string | Buffer;
  contentType?: string;
  /** A 400 must then name fields in `errors`. */
  parseable: boolean;
  what: string;
}

interface BodyTarget {
  method: 'POST' | 'DELETE';
  path: (c: Ctx) => string;
  token: (c: Ctx) => string | undefined;
  fields: Fields;
  valid: (c: Ctx) => Record<string, unknown>;
  /** Share of the 10,000. */
  weight: number;
}

interface Ctx {
  d: District;
  catalogId: string;
  /** In the catalog, stage `cataloged`: what the catalog's DELETE takes. */
  catalogedId: string;
  /** Stage `drafting`. */
  draftingId: string;
  draftingContext: ProcedureContext;
  /** Published; implemented by 区发改局. */
  publishedId: string;
  publishedContext: ProcedureContext;
  /** Event types that no payload can pass in `drafting`: a valid one is a 422. */
  closedInDrafting: EventType[];
}

const ORG_UNIT: Fields = { name: req(text(200)), kind: req({ k: 'enum', values: ['government', 'department', 'street'] }), parentId: req({ k: 'uuid' }) };
const USER: Fields = {
  username: req({ k: 'string', min: 2, max: 64 }),
  password: req({ k: 'string', min: 10, max: 72 }),
  displayName: req(text(200)),
  orgUnitId: req({ k: 'uuid' }),
  roles: req({ k: 'list', of: { k: 'enum', values: ['admin', 'department', 'legal_reviewer', 'office', 'auditor'] }, max: 5, unique: true }),
};
const LOGIN: Fields = { username: req({ k: 'string', min: 1, max: 64 }), password: req({ k: 'string', min: 1, max: 1024 }) };
const CATALOG: Fields = { organId: req({ k: 'uuid' }), year: req({ k: 'int', min: 2000, max: 2100 }) };
const ITEM: Fields = {
  title: req(text(200)),
  category: req({ k: 'enum', values: ['public_policy', 'development_plan', 'resource_policy', 'public_project', 'other_major'] }),
  undertakingUnitId: req({ k: 'uuid' }),
  legalBasis: req({ k: 'list', of: text(500), max: 100 }),
  affectsMarket: opt({ k: 'bool' }),
  plannedStartOn: opt({ k: 'date' }),
  plannedDecisionOn: opt({ k: 'date' }),
  requirements: req(REQUIREMENTS),
};
const PUBLISH: Fields = { partyCommitteeApprovedOn: req({ k: 'date' }), partyCommitteeRef: req(text(200)), publishedOn: req({ k: 'date' }) };
const WITHDRAW: Fields = { reason: req(text()) };

const tokenOf = (role: string, c: Ctx) => (role === 'office' ? c.d.tokens.office : role === 'department' ? c.d.tokens.department : c.d.tokens.reviewer);

const BODY_TARGETS: Record<string, BodyTarget> = {
  'POST /org-units': { method: 'POST', path: () => '/org-units', token: (c) => c.d.tokens.admin, fields: ORG_UNIT, valid: (c) => ({ name: 'R4 街道', kind: 'street', parentId: c.d.units.gov.id }), weight: 6 },
  'POST /users': {
    method: 'POST',
    path: () => '/users',
    token: (c) => c.d.tokens.admin,
    fields: USER,
    valid: (c) => ({ username: 'r4-user', password: 'R4-Long-Enough-2026', displayName: 'R4', orgUnitId: c.d.units.ndrc.id, roles: ['department'] }),
    weight: 6,
  },
  // No token; every mutation is a form error, refused before the limiter counts anything.
  'POST /auth/login': { method: 'POST', path: () => '/auth/login', token: () => undefined, fields: LOGIN, valid: () => ({ username: 'r4-nobody', password: 'not-the-password' }), weight: 6 },
  'POST /catalogs': { method: 'POST', path: () => '/catalogs', token: (c) => c.d.tokens.office, fields: CATALOG, valid: (c) => ({ organId: c.d.units.gov.id, year: 2027 }), weight: 6 },
  'POST /catalogs/:id/items (office)': { method: 'POST', path: (c) => `/catalogs/${c.catalogId}/items`, token: (c) => c.d.tokens.office, fields: ITEM, valid: (c) => ({ ...itemB(c.d) }), weight: 8 },
  'POST /catalogs/:id/items (department)': { method: 'POST', path: (c) => `/catalogs/${c.catalogId}/items`, token: (c) => c.d.tokens.department, fields: ITEM, valid: (c) => ({ ...itemA(c.d) }), weight: 5 },
  'POST /catalogs/:id/publish': {
    method: 'POST',
    path: (c) => `/catalogs/${c.catalogId}/publish`,
    token: (c) => c.d.tokens.office,
    fields: PUBLISH,
    valid: () => ({ partyCommitteeApprovedOn: '2026-03-01', partyCommitteeRef: '区委常委会会议纪要〔2026〕9号', publishedOn: '2026-03-02' }),
    weight: 6,
  },
  'DELETE /catalogs/:id/items/:decisionId': {
    method: 'DELETE',
    path: (c) => `/catalogs/${c.catalogId}/items/${c.catalogedId}`,
    token: (c) => c.d.tokens.office,
    fields: WITHDRAW,
    valid: () => ({ reason: '情况变化' }),
    weight: 6,
  },
};

/** POST /decisions/:id/events, one target per event type, sent by the role the definition names. */
for (const type of EVENT_TYPES) {
  const who = EVENT_ACTORS[type].role;
  const implementing = type === 'RECORD_IMPLEMENTATION_REPORT';
  BODY_TARGETS[`POST /decisions/:id/events ${type}`] = {
    method: 'POST',
    path: (c) => `/decisions/${implementing ? c.publishedId : c.draftingId}/events`,
    token: (c) => tokenOf(who === 'system' ? 'office' : who, c),
    fields: {
      type: req({ k: 'enum', values: [type] }),
      payload: req({ k: 'object', fields: fromSchema(EVENT_PAYLOADS[type]) }),
      expectedVersion: opt({ k: 'int', min: 1, max: Number.MAX_SAFE_INTEGER }),
    },
    valid: (c) => ({ type, payload: samplePayload(type, implementing ? c.publishedContext : c.draftingContext) }),
    weight: 2,
  };
}

/**
 * Bad JSON text and odd transports, on any body target. `mutated` (a body with a form error) is
 * used where the transport alone might not be refused, so that nothing here is ever a valid request.
 */
function badJson(valid: Record<string, unknown>, mutated: Record<string, unknown>, rng: Rng): { body: string | Buffer; contentType?: string; what: string; parseable: boolean } {
  const json = JSON.stringify(valid);
  const bad = JSON.stringify(mutated);
  switch (rng.int(16)) {
    case 0:
      return { body: json.slice(0, 1 + rng.int(json.length - 1)), what: 'truncated JSON', parseable: false };
    case 1:
      return { body: json.replace(/}$/, ',}'), what: 'trailing comma', parseable: false };
    case 2:
      return { body: json.replace(/"/g, "'"), what: 'single quotes', parseable: false };
    case 3:
      return { body: rng.pick(['not json', 'undefined', 'NaN', '{a:1}', '{"a":1}{"b":2}', '{"a":1 // comment\n}', '\u0000', '{"a":"\\x41"}', '{"a":01}', '{"a":+1}', '{"a":.5}', '{"a":Infinity}']), what: 'non-JSON text', parseable: false };
    case 4:
      return { body: rng.pick(['null', 'true', '1', '"text"', '""']), what: 'a JSON primitive', parseable: false };
    case 5:
      return { body: JSON.stringify(rng.chance(0.5) ? [valid] : []), what: 'an array for the object', parseable: true };
    case 6:
      return { body: json, contentType: rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']), what: 'JSON under another content type', parseable: true };
    case 7:
      return { body: bad, contentType: rng.pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=nope']), what: 'an unsupported charset', parseable: false };
    case 8:
      return { body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), what: 'invalid UTF-8', parseable: false };
    case 9: {
      // Deep nesting in place of a field the route knows, or beside them.
      const depth = 1000 + rng.int(120_000);
      const open = rng.chance(0.5) ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      const field = rng.pick([...Object.keys(valid), 'nested']);
      const rest = JSON.stringify({ ...valid, [field]: 0 }).replace(`"${field}":0`, `"${field}":${open.repeat(depth)}1${close.repeat(depth)}`);
      return { body: rest, what: `${field} nested ${depth} deep`, parseable: true };
    }
    case 10: {
      const depth = 1000 + rng.int(100_000);
      return { body: `${'['.repeat(depth)}${']'.repeat(depth)}`, what: `a bare array ${depth} deep`, parseable: true };
    }
    case 11:
      return { body: JSON.stringify({ ...valid, filler: 'f'.repeat(1024 * 1024 + rng.int(200_000)) }), what: 'a body over 1 MB', parseable: false };
    case 12:
      return { body: '', contentType: 'application/json', what: 'an empty body', parseable: true };
    case 13:
      return { body: json.replace('{', '{"__proto__":{"polluted":true},'), what: 'a __proto__ member', parseable: true };
    case 14:
      return { body: `\ufeff${bad}`, what: 'a byte-order mark', parseable: false };
    default:
      return { body: json.replace(/"([A-Za-z]+)":/g, '$1:'), what: 'unquoted keys', parseable: false };
  }
}

/** One malformed request of a body target. */
function bodyCase(target: BodyTarget, c: Ctx, rng: Rng): Case {
  const base = { method: target.method, path: target.path(c), token: target.token(c) };
  const valid = target.valid(c);
  const roll = rng.next();
  if (roll < 0.15) {
    const bad = badJson(valid, mutateObject(target.fields, valid, rng).value, rng);
    return { ...base, body: bad.body, contentType: bad.contentType, parseable: bad.parseable, what: bad.what };
  }
  if (target.fields.type && roll < 0.3) {
    // The event body around the payload: unknown types, system events, bad versions, bad payloads.
    const type = valid.type as string;
    switch (rng.int(5)) {
      case 0: {
        const unknown = rng.pick<unknown>(['NOPE', type.toLowerCase(), ` ${type}`, 'CATALOG_PUBLISHED', '', 123, null, [type], { type }, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(20_000)]);
        return { ...base, body: JSON.stringify({ ...valid, type: unknown }), parseable: true, what: `type = ${show(unknown)}` };
      }
      case 1: {
        const version = rng.pick<unknown>([0, -1, 1.5, '1', true, [], {}, null, 1e21]);
        return { ...base, body: JSON.stringify({ ...valid, expectedVersion: version }), parseable: true, what: `expectedVersion = ${show(version)}` };
      }
      case 2: {
        if (rng.chance(0.2)) {
          const depth = 50 + rng.int(50_000);
          const body = JSON.stringify({ ...valid, payload: 0 }).replace('"payload":0', `"payload":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
          return { ...base, body, parseable: true, what: `payload nested ${depth} deep` };
        }
        const payload = rng.pick<unknown>(['x', 1, true, [], [valid.payload], null, deep(50 + rng.int(150), rng)]);
        return { ...base, body: JSON.stringify({ ...valid, payload }), parseable: true, what: `payload = ${show(payload)}` };
      }
      case 3:
        return { ...base, body: JSON.stringify({ payload: valid.payload }), parseable: true, what: 'no type' };
      default:
        return { ...base, body: JSON.stringify({ type }), parseable: true, what: 'no payload' };
    }
  }
  const m = mutateObject(target.fields, valid, rng);
  return { ...base, body: JSON.stringify(m.value), parseable: true, what: m.what };
}

/* ---------------------------------------------------------------- query strings and ids */

type Param = 'page' | 'pageSize' | 'year' | 'catalogYear' | 'calendarYear' | 'stage' | 'uuid' | 'status' | 'format' | 'date' | 'days';

interface QueryTarget {
  path: (c: Ctx) => string;
  token: (c: Ctx) => string | undefined;
  valid: Record<string, string>;
  params: Record<string, Param>;
  /** Unknown parameters are refused (a DTO); false where the route reads one parameter by name. */
  strict: boolean;
  weight: number;
}

const PAGE = { page: 'page', pageSize: 'pageSize' } as const;
const QUERY_TARGETS: Record<string, QueryTarget> = {
  'GET /decisions': {
    path: () => '/decisions',
    token: (c) => c.d.tokens.office,
    valid: { stage: 'drafting', year: '2026', page: '1', pageSize: '10' },
    params: { ...PAGE, stage: 'stage', year: 'year', organId: 'uuid', undertakingUnitId: 'uuid' },
    strict: true,
    weight: 5,
  },
  'GET /catalogs': { path: () => '/catalogs', token: (c) => c.d.tokens.auditor, valid: { year: '2026' }, params: { ...PAGE, year: 'catalogYear', organId: 'uuid' }, strict: true, weight: 3 },
  'GET /public/catalogs': { path: () => '/public/catalogs', token: () => undefined, valid: { year: '2026' }, params: { ...PAGE, year: 'catalogYear', organId: 'uuid' }, strict: true, weight: 3 },
  'GET /public/decisions': { path: () => '/public/decisions', token: () => undefined, valid: { year: '2026' }, params: { ...PAGE, year: 'year', organId: 'uuid' }, strict: true, weight: 3 },
  'GET /reviews': { path: () => '/reviews', token: (c) => c.d.tokens.reviewer, valid: { status: 'submitted' }, params: { ...PAGE, status: 'status' }, strict: true, weight: 2 },
  'GET /org-units': { path: () => '/org-units', token: (c) => c.d.tokens.admin, valid: { page: '1' }, params: PAGE, strict: true, weight: 2 },
  'GET /users': { path: () => '/users', token: (c) => c.d.tokens.admin, valid: { page: '1' }, params: PAGE, strict: true, weight: 2 },
  'GET /decisions/:id/history': { path: (c) => `/decisions/${c.draftingId}/history`, token: (c) => c.d.tokens.department, valid: { page: '1' }, params: PAGE, strict: true, weight: 2 },
  'GET /decisions/:id/violations': { path: (c) => `/decisions/${c.draftingId}/violations`, token: (c) => c.d.tokens.auditor, valid: { page: '1' }, params: PAGE, strict: true, weight: 2 },
  'GET /audit/violations': {
    path: () => '/audit/violations',
    token: (c) => c.d.tokens.auditor,
    valid: { from: '2026-01-01', to: '2026-12-31', category: 'skip' },
    params: { ...PAGE, from: 'date', to: 'date', organId: 'uuid', category: 'status' },
    strict: true,
    weight: 2,
  },
  'GET /calendar/working-days': { path: () => '/calendar/working-days', token: (c) => c.d.tokens.office, valid: { from: '2026-03-02', days: '5' }, params: { from: 'date', days: 'days' }, strict: true, weight: 2 },
  'GET /calendar/days': { path: () => '/calendar/days', token: (c) => c.d.tokens.office, valid: { year: '2026' }, params: { year: 'calendarYear' }, strict: true, weight: 2 },
  'GET /workflows/:id/:version/diagram': { path: () => '/workflows/major-decision/1/diagram', token: (c) => c.d.tokens.office, valid: { format: 'mermaid' }, params: { format: 'format' }, strict: false, weight: 1 },
};

function badParam(p: Param, rng: Rng): string {
  const long = 'q'.repeat(2000 + rng.int(4000));
  switch (p) {
    case 'page':
      return rng.pick(['0', '-1', '1.5', 'abc', '', 'NaN', 'Infinity', '-Infinity', '1e999', long]);
    case 'pageSize':
      return rng.pick(['0', '-1', '501', '1.5', 'abc', '', '1e999', '99999999999', long]);
    case 'year':
      return rng.pick(['2026-01', '99999', '1999', '3000', 'abc', '', '20.5', '-2026', long]);
    case 'catalogYear':
      return rng.pick(['2026-01', '99999', '1999', '2101', 'abc', '', '20.5', long]);
    case 'calendarYear':
      return rng.pick(['0', '10000', '99999', 'abc', '', '2026.5', '-1', long]);
    case 'stage':
      return rng.pick(['nope', 'DRAFTING', '', 'drafting ', '__proto__', long]);
    case 'uuid':
      return rng.pick(['not-a-uuid', '', '12345', 'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz', long]);
    case 'status':
      return rng.pick(['nope', 'SUBMITTED', '', 'constructor', long]);
    case 'format':
      return rng.pick(['svg', '', 'MERMAID', 'mermaid ', 'png', long]);
    case 'date':
      return rng.pick(BAD_DATES.filter((d) => d.trim() === d && d !== '2026-03-01T00:00:00Z').concat([long]));
    case 'days':
      return rng.pick(['0', '-1', '367', '1.5', 'abc', '', long]);
  }
}

function queryCase(target: QueryTarget, c: Ctx, rng: Rng): Case {
  const params = new URLSearchParams(target.valid);
  const names = Object.keys(target.params);
  const what: string[] = [];
  const op = rng.int(10);
  if (op < 6 || !target.strict) {
    for (let i = 0, n = 1 + rng.int(2); i < n; i++) {
      const name = rng.pick(names);
      const value = badParam(target.params[name], rng);
      params.set(name, value);
      what.push(`${name}=${show(value)}`);
    }
  } else if (op < 8) {
    const name = rng.pick(names);
    params.set(name, target.valid[name] ?? '1');
    params.append(name, rng.pick(['2', 'x', target.valid[name] ?? '1']));
    what.push(`${name} twice`);
  } else {
    const name = rng.pick(['foo', 'sort', 'limit', 'offset', '__proto__', 'constructor', 'page[x]', 'stage[]', 'where']);
    params.append(name, rng.pick(['1', '', 'x']));
    what.push(`unknown ${name}`);
  }
  return { method: 'GET', path: `${target.path(c)}?${params.toString()}`, token: target.token(c), parseable: true, what: what.join(', ') };
}

/** Ids in paths: malformed, percent-encoding that does not decode, very long. */
function pathCase(c: Ctx, rng: Rng): Case {
  const bad = rng.pick(['not-a-uuid', '%', '%E0%A4%A', '%ZZ', 'x'.repeat(6000), `${c.draftingId}%00`, '..%2F..%2Fhealth', c.draftingId.toUpperCase(), '%20', '__proto__', 'constructor']);
  const route = rng.pick<[Case['method'], (id: string) => string, string | undefined]>([
    ['GET', (id) => `/decisions/${id}`, c.d.tokens.auditor],
    ['GET', (id) => `/decisions/${id}/history`, c.d.tokens.auditor],
    ['GET', (id) => `/decisions/${id}/violations`, c.d.tokens.auditor],
    ['POST', (id) => `/decisions/${id}/events`, c.d.tokens.office],
    ['GET', (id) => `/catalogs/${id}`, c.d.tokens.auditor],
    ['POST', (id) => `/catalogs/${id}/items`, c.d.tokens.office],
    ['POST', (id) => `/catalogs/${id}/publish`, c.d.tokens.office],
    ['DELETE', (id) => `/catalogs/${c.catalogId}/items/${id}`, c.d.tokens.office],
    ['GET', (id) => `/public/decisions/${id}`, undefined],
    ['GET', (id) => `/workflows/${id}/1/diagram`, c.d.tokens.office],
    ['GET', (id) => `/workflows/major-decision/${id}/diagram`, c.d.tokens.office],
  ]);
  const body = route[0] === 'GET' ? undefined : JSON.stringify({ type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' }, reason: 'x' });
  return { method: route[0], path: route[1](bad), token: route[2], body, parseable: false, what: `id ${show(bad)}` };
}

/**
 * Well-formed but refused by the procedure (a 422, which adds its one violation row): an event no
 * payload can pass in the decision's stage, an item of a category outside the decree, withdrawing
 * from the catalog an item whose procedure has started.
 */
function procedureCase(c: Ctx, rng: Rng): Case {
  switch (rng.int(3)) {
    case 0: {
      const type = rng.pick(c.closedInDrafting);
      const who = EVENT_ACTORS[type].role;
      return {
        method: 'POST',
        path: `/decisions/${c.draftingId}/events`,
        token: tokenOf(who, c),
        body: JSON.stringify({ type, payload: samplePayload(type, c.draftingContext) }),
        parseable: true,
        what: `${type} in drafting`,
      };
    }
    case 1: {
      const category = rng.pick(['macro_control', 'legislation', 'emergency_response']);
      return { method: 'POST', path: `/catalogs/${c.catalogId}/items`, token: c.d.tokens.office, body: JSON.stringify({ ...itemB(c.d), category }), parseable: true, what: `category ${category}` };
    }
    default:
      return { method: 'DELETE', path: `/catalogs/${c.catalogId}/items/${c.draftingId}`, token: c.d.tokens.office, body: JSON.stringify({ reason: '不再实施' }), parseable: true, what: 'withdrawing a started item' };
  }
}

/** Refused payloads near the body limit (sent after the 10,000). */
const OVERSIZED = 30;
/** Besides its kept payload, a violation row's other columns, index entries and page slack (4 KiB pages). */
const VIOLATION_ROW_ALLOWANCE = 2560;

/**
 * A well-formed request the procedure refuses, its body close to the 1 MB limit: a draft with a
 * hundred long laws reviewed on a decision in drafting's neighbour stage `cataloged`, or an item of
 * a category outside the decree with a long legal basis. Mostly Chinese text, so that the stored
 * excerpt is cut between multi-byte characters.
 */
function oversizedCase(c: Ctx, rng: Rng): Case {
  const long = (n: number, chars = 3_200) => Array.from({ length: n }, (_, i) => `${i}${rng.pick(['法', '规', 'x', '𠀋'])}`.repeat(1 + rng.int(2)) + '条'.repeat(chars + rng.int(60)));
  if (rng.chance(0.5)) {
    const payload = { ...samplePayload('RECORD_DRAFT', c.draftingContext), lawsReviewed: long(100) };
    return { method: 'POST', path: `/decisions/${c.catalogedId}/events`, token: c.d.tokens.department, body: JSON.stringify({ type: 'RECORD_DRAFT', payload }), parseable: true, what: 'a draft of ~1 MB before drafting started' };
  }
  const category = rng.pick(['macro_control', 'legislation', 'emergency_response']);
  return { method: 'POST', path: `/catalogs/${c.catalogId}/items`, token: c.d.tokens.office, body: JSON.stringify({ ...itemB(c.d), category, legalBasis: long(100, 420) }), parseable: true, what: `an item of ~130 KB (a legal basis is at most 500 characters), category ${category}` };
}

/* ---------------------------------------------------------------- the plan: 10,000 in all */

type Family = { kind: 'body'; target: BodyTarget } | { kind: 'query'; target: QueryTarget } | { kind: 'path' } | { kind: 'procedure' };
const FAMILIES: Record<string, { family: Family; weight: number }> = {
  ...Object.fromEntries(Object.entries(BODY_TARGETS).map(([k, target]) => [k, { family: { kind: 'body', target } as Family, weight: target.weight }])),
  ...Object.fromEntries(Object.entries(QUERY_TARGETS).map(([k, target]) => [`query ${k}`, { family: { kind: 'query', target } as Family, weight: target.weight }])),
  'ids in paths': { family: { kind: 'path' }, weight: 5 },
  'refused by the procedure (422)': { family: { kind: 'procedure' }, weight: 2 },
};
const PLAN: Array<[string, number]> = (() => {
  const keys = Object.keys(FAMILIES);
  const weight = keys.reduce((s, k) => s + FAMILIES[k].weight, 0);
  const counts = keys.map((k) => Math.floor((TOTAL * FAMILIES[k].weight) / weight));
  for (let i = 0, left = TOTAL - counts.reduce((a, b) => a + b, 0); left > 0; i++, left--) counts[i % counts.length]++;
  return keys.map((k, i) => [k, counts[i]]);
})();

/* ---------------------------------------------------------------- the database fingerprint */

interface TablePrint {
  rows: number;
  hash: string;
}
type Fingerprint = Record<string, TablePrint>;

class Fingerprinter {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tables: string[];

  constructor(private readonly db: Database.Database) {
    this.tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  }

  take(): Fingerprint {
    const out: Fingerprint = {};
    for (const name of this.tables) out[name] = this.ofRows(this.all(name).all() as unknown[][]);
    return out;
  }

  /** The first `n` rows of a table, printed as take() prints a whole table. */
  prefix(name: string, n: number): TablePrint {
    return this.ofRows(this.all(name).all().slice(0, n) as unknown[][]);
  }

  /** The last row of a table, by column. */
  last(name: string): Record<string, unknown> {
    return this.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid DESC LIMIT 1`).get() as Record<string, unknown>;
  }

  private all(name: string): Database.Statement {
    let s = this.statements.get(name);
    if (!s) this.statements.set(name, (s = this.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw(true)));
    return s;
  }

  private ofRows(rows: unknown[][]): TablePrint {
    return { rows: rows.length, hash: createHash('sha1').update(JSON.stringify(rows)).digest('hex') };
  }
}

/* ---------------------------------------------------------------- the test */

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

describe(`R4: ${TOTAL} generated malformed requests (seed ${SEED}; R4_SEED=<n> to replay another)`, () => {
  let t: TestApp;
  let c: Ctx;
  let base: string;
  let db: Database.Database;
  let fp: Fingerprinter;
  let current: Fingerprint;
  const violationCodes: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    // Hundreds of 422s a minute from the same users: under the default limit (30) most would be 429s
    // that never reach the checks the generator aims at. The limit has a suite of its own.
    t = await createTestApp({ env: { REFUSALS_PER_MINUTE: '1000000' } });
    const d = await createDistrict(t);
    const f = decisionFixture(t, d);
    // The fixture's decisions first: they make the 2026 catalog row, which publishedCatalogWith then takes.
    const draftingId = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    const publishedId = await f.decision({ through: TO_PUBLISHED });
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]);
    const drafting = await f.snapshot(draftingId);
    const published = await f.snapshot(publishedId);
    const open = new Set(drafting.def.openEvents(drafting.procedure));
    c = {
      d,
      catalogId: catalog.id,
      catalogedId: decisionIds[0],
      draftingId,
      draftingContext: drafting.procedure.context as ProcedureContext,
      publishedId,
      publishedContext: published.procedure.context as ProcedureContext,
      closedInDrafting: EVENT_TYPES.filter((type) => type !== 'CATALOG_PUBLISHED' && !open.has(type)),
    };
    expect(c.closedInDrafting.length).toBeGreaterThan(5);
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    db = new Database(t.config.database.path, { readonly: true, fileMustExist: true });
    fp = new Fingerprinter(db);
    current = fp.take();
  });
  afterAll(async () => {
    db?.close();
    await t?.close();
  });

  const send = async (k: Case): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (k.token) headers.authorization = `Bearer ${k.token}`;
    if (k.body !== undefined) headers['content-type'] = k.contentType ?? 'application/json';
    const res = await fetch(base + k.path, { method: k.method, headers, body: k.body });
    sent++;
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  /** What is wrong with the answer to a malformed request, and with the database after it; [] when nothing. */
  const judge = (k: Case, a: Answer): string[] => {
    const wrong: string[] = [];
    if (a.status >= 500) wrong.push(`status ${a.status}`);
    if (a.status < 400) wrong.push(`accepted with ${a.status}`);
    if (!/^application\/problem\+json/.test(a.contentType)) wrong.push(`content-type ${a.contentType}`);
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(a.text) as Record<string, unknown>;
    } catch {
      wrong.push('body is not JSON');
    }
    if (body) {
      for (const m of ['type', 'title', 'code', 'detail']) if (typeof body[m] !== 'string' || !(body[m] as string)) wrong.push(`no ${m}`);
      if (body.status !== a.status) wrong.push(`status member ${String(body.status)}`);
      if (a.status === 400 && k.parseable) {
        const errors = body.errors as Array<{ field?: unknown; message?: unknown }> | undefined;
        if (!Array.isArray(errors) || !errors.length || errors.some((e) => typeof e.field !== 'string' || typeof e.message !== 'string')) wrong.push('a 400 without errors naming fields');
      }
    }

    const after = fp.take();
    const changed = Object.keys(after).filter((name) => after[name].hash !== current[name]?.hash);
    const procedure422 = a.status === 422 && !k.path.startsWith('/calendar');
    if (procedure422) {
      // Exactly one row more in violation_attempt, the others as they were, and nothing else.
      const v = 'violation_attempt';
      if (changed.some((name) => name !== v)) wrong.push(`a 422 changed ${changed.filter((n) => n !== v).join(', ')}`);
      if (after[v].rows !== current[v].rows + 1) wrong.push(`a 422 added ${after[v].rows - current[v].rows} violation rows`);
      else if (fp.prefix(v, current[v].rows).hash !== current[v].hash) wrong.push('a 422 changed earlier violation rows');
      else {
        const row = fp.last(v);
        violationCodes.push(String(row.code));
        if (row.code !== body?.code) wrong.push(`the violation row says ${String(row.code)}, the answer ${String(body?.code)}`);
      }
    } else if (changed.length) {
      wrong.push(`changed ${changed.map((n) => `${n} (${current[n]?.rows ?? 0} → ${after[n].rows} rows)`).join(', ')}`);
    }
    current = after;
    return wrong;
  };

  it.each(PLAN)('%s: %i requests', async (name, count) => {
    const rng = prng(SEED ^ hashOf(name));
    const { family } = FAMILIES[name];
    const failures: string[] = [];
    for (let i = 0; i < count; i++) {
      const k =
        family.kind === 'body' ? bodyCase(family.target, c, rng) : family.kind === 'query' ? queryCase(family.target, c, rng) : family.kind === 'path' ? pathCase(c, rng) : procedureCase(c, rng);
      const a = await send(k);
      const wrong = judge(k, a);
      if (wrong.length) {
        const shown = typeof k.body === 'string' && k.body.length > 300 ? `${k.body.slice(0, 200)}…(${k.body.length} chars)` : String(k.body ?? '');
        failures.push(`#${i} [${k.what}] ${k.method} ${k.path.slice(0, 200)} ${shown} → ${wrong.join('; ')}: ${a.status} ${a.text.slice(0, 300)}`);
      }
    }
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
  });

  it(`sent all ${TOTAL}, and the 422s each added their violation row`, () => {
    expect(sent).toBe(TOTAL);
    expect(violationCodes.length).toBeGreaterThan(0);
  });

  it(`oversized refused payloads: ${OVERSIZED} well-formed bodies of 130 KB to 1 MB, each refused with its one violation row, grow the database by the bounded excerpt only`, async () => {
    const rng = prng(SEED ^ hashOf('oversized refused payloads'));
    const pages = () => Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
    const before = pages();
    const failures: string[] = [];
    let bodies = 0;
    for (let i = 0; i < OVERSIZED; i++) {
      const k = oversizedCase(c, rng);
      const size = Buffer.byteLength(k.body as string);
      bodies += size;
      // Each at least 50 times the excerpt kept of it.
      if (size < 100_000) failures.push(`#${i} [${k.what}] only ${size} bytes`);
      const a = await send(k);
      const wrong = judge(k, a);
      if (a.status !== 422) wrong.push(`not refused by the procedure: ${a.status}`);
      if (wrong.length) failures.push(`#${i} [${k.what}] → ${wrong.join('; ')}: ${a.status} ${a.text.slice(0, 300)}`);
    }
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
    expect(bodies).toBeGreaterThan(OVERSIZED * 400_000);
    expect(pages() - before).toBeLessThanOrEqual(OVERSIZED * (REFUSED_PAYLOAD_MAX_BYTES + VIOLATION_ROW_ALLOWANCE));
  });

  /** Cases the generator found, kept as they were first seen (each was a 500 or an accepted request). */
  describe('regressions', () => {
    const nest = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const cases: Array<[string, 'GET' | 'POST', keyof District['tokens'] | undefined, (c: Ctx) => string, ((c: Ctx) => string) | undefined, string[]]> = [
      // class-transformer recursed into the value and overflowed the stack: 500.
      ['a name nested 5,000 deep (was 500)', 'POST', 'admin', () => '/org-units', (c) => `{"name":${nest(5000)},"kind":"street","parentId":"${c.d.units.gov.id}"}`, ['name']],
      ['a username nested 50,000 deep (was 500)', 'POST', undefined, () => '/auth/login', () => `{"username":${nest(50_000)},"password":"x"}`, ['username']],
      ['an unknown member nested 100,000 deep (was 500)', 'POST', 'office', () => '/catalogs', (c) => `{"organId":"${c.d.units.gov.id}","year":2027,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, ['x']],
      // class-transformer dropped these keys without a word, so the whitelist never saw them: 201.
      ['a __proto__ member (was 201)', 'POST', 'admin', () => '/org-units', (c) => `{"__proto__":{"polluted":true},"name":"R4 街道","kind":"street","parentId":"${c.d.units.gov.id}"}`, ['__proto__']],
      ['a prototype member (was 201)', 'POST', 'admin', () => '/org-units', (c) => JSON.stringify({ name: 'R4 街道', kind: 'street', parentId: c.d.units.gov.id, prototype: 1 }), ['prototype']],
      ['a constructor member (was 201)', 'POST', 'office', (c) => `/catalogs/${c.catalogId}/items`, (c) => JSON.stringify({ ...itemB(c.d), constructor: 'x' }), ['constructor']],
      ['a constructor member in the requirements (was 201)', 'POST', 'office', (c) => `/catalogs/${c.catalogId}/items`, (c) => JSON.stringify({ ...itemB(c.d), requirements: { ...itemB(c.d).requirements, constructor: 1 } }), ['requirements.constructor']],
      // The workflow schema asked `key in shape`, which Object.prototype's members pass: accepted.
      ['a payload member named constructor (was accepted)', 'POST', 'department', (c) => `/decisions/${c.draftingId}/events`, (c) => JSON.stringify({ type: 'RECORD_DRAFT', payload: { ...samplePayload('RECORD_DRAFT', c.draftingContext), constructor: 'x' } }), ['payload.constructor']],
      ['a payload member named toString (was accepted)', 'POST', 'department', (c) => `/decisions/${c.draftingId}/events`, (c) => JSON.stringify({ type: 'RECORD_DRAFT', payload: { ...samplePayload('RECORD_DRAFT', c.draftingContext), toString: 'x' } }), ['payload.toString']],
      // PageQueryDto's offset getter: assigning it threw (500) or was ignored (200).
      ['?offset= on /decisions (was 500)', 'GET', 'office', () => '/decisions?offset=1', undefined, ['offset']],
      ['?offset= on /catalogs (was 500)', 'GET', 'office', () => '/catalogs?year=2026&offset=', undefined, ['offset']],
      ['?offset= on /users (was ignored)', 'GET', 'admin', () => '/users?offset=10', undefined, ['offset']],
      ['?__proto__= on /public/catalogs (was ignored)', 'GET', undefined, () => '/public/catalogs?__proto__=x', undefined, ['__proto__']],
      ['?constructor= on /reviews (was ignored)', 'GET', 'reviewer', () => '/reviews?constructor=1', undefined, ['constructor']],
    ];
    it.each(cases)('%s → 400 naming the field, changing nothing', async (_name, method, who, path, body, fields) => {
      const res = await t.unchanged(async () => {
        const req = method === 'GET' ? t.http.get(path(c)) : t.http.post(path(c)).set('content-type', 'application/json');
        if (who) void req.set(t.bearer(c.d.tokens[who]));
        return body ? req.send(body(c)) : req;
      });
      expect(fieldsOf(expectProblem(res, 400, 'VALIDATION_FAILED'))).toEqual(expect.arrayContaining(fields));
    });
  });
});
