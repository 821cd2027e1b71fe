/**
 * The 400 of an event type the decision's procedure does not have (or that only the engine sends):
 * it names the type that came, the closest real one (a typing slip such as `CONCLUDE_REVEIW`), and
 * the events the decision's stage takes now, each with its code and its word.
 */
import type { ProcedureDefinition, ProcedureState } from '../../workflows/definition';
import { named } from '../../workflows/labels';
import { DomainError } from '../common/errors/domain-error';

/** Longer than any event type: a value this long is not a slip of the keyboard, and is not echoed whole. */
const MAX_ECHOED = 64;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toUpperCase();
  const t = b.toUpperCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/** The event type closest to `typed`, when it is close enough to be what was meant. */
export function closestEventType(typed: string, candidates: readonly string[]): string | undefined {
  if (!typed || typed.length > MAX_ECHOED) return undefined;
  let best: { type: string; distance: number } | undefined;
  for (const type of candidates) {
    const distance = editDistance(typed, type);
    if (!best || distance < best.distance) best = { type, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 4)) ? best.type : undefined;
}

export function unknownEventError(def: ProcedureDefinition, state: ProcedureState, type: unknown): DomainError {
  const word = (t: string) => def.labels.events[t] ?? t;
  const stageEvents = def
    .acceptedEvents(state)
    .filter((t) => !def.systemEvents.includes(t))
    .map((t) => ({ type: t, label: word(t) }));
  const now = stageEvents.length
    ? `当前阶段可办理：${stageEvents.map((e) => named(e.label, e.type)).join('、')}`
    : '当前阶段没有可办理的程序事项';
  const extra = { stageEvents };
  if (typeof type !== 'string' || type === '') {
    return new DomainError(400, 'VALIDATION_FAILED', `缺少事件类型 type。${now}`, {
      ...extra,
      errors: [{ field: 'type', message: `必填：事件类型，例如${named(word('START_DRAFTING'), 'START_DRAFTING')}` }],
    });
  }
  if (def.systemEvents.includes(type)) {
    return new DomainError(400, 'VALIDATION_FAILED', `${named(word(type), type)}由系统在公布年度决策事项目录时自动记录，不能直接提交：请通过目录的公布（POST /catalogs/:id/publish）办理。${now}`, {
      ...extra,
      errors: [{ field: 'type', message: '该事件由系统自动记录，不能直接提交' }],
    });
  }
  const echoed = type.length > MAX_ECHOED ? `${type.slice(0, MAX_ECHOED)}…` : type;
  const candidates = def.events.filter((t) => !def.systemEvents.includes(t));
  const suggestion = closestEventType(type, candidates);
  const didYouMean = suggestion ? `您是否要找「${suggestion}」（${word(suggestion)}）？` : '';
  return new DomainError(400, 'VALIDATION_FAILED', `未知的事件类型「${echoed}」。${didYouMean}${now}`, {
    ...extra,
    ...(suggestion ? { suggestion: { type: suggestion, label: word(suggestion) } } : {}),
    errors: [{ field: 'type', message: suggestion ? `未知的事件类型；您是否要找「${suggestion}」（${word(suggestion)}）？` : '未知的事件类型，可办理的事件见 stageEvents' }],
  });
}
