/**
 * What the manual and the OpenAPI document say of version 1 is complete and true: every field of
 * every payload described (and nothing else), every example a valid payload, the rules found by
 * running them, the stages that take each event, and the deadlines as the definition computes them.
 */
import type { DeadlineRules } from '../../deadlines';
import { fieldPaths } from '../../json-schema';
import { LEGAL_BASIS } from '../../legal-basis';
import { CODE_LABELS } from '../../labels';
import { REFUSAL_CATEGORIES } from '../../refusal-categories';
import { EVENT_PAYLOADS, EVENT_TYPES, payloadErrors } from './events';
import { EVENT_EXAMPLES } from './examples';
import { EVENT_NOTES, FIELD_DOCS } from './field-docs';
import { majorDecisionV1Definition as def } from './index';
import { ALL_REQUIRED } from './samples';
import { sampleEnv, TO_PUBLISHED, Walk } from './walk';

const HAN = /\p{Script=Han}/u;

describe('major-decision v1: field descriptions and examples', () => {
  it.each(EVENT_TYPES)('%s: every field of the payload has a Chinese description, and every description a field', (type) => {
    const paths = fieldPaths(EVENT_PAYLOADS[type]);
    const documented = Object.keys(FIELD_DOCS[type]);
    expect(paths.filter((p) => !documented.includes(p))).toEqual([]);
    expect(documented.filter((p) => !paths.includes(p))).toEqual([]);
    for (const text of Object.values(FIELD_DOCS[type])) expect(text).toMatch(HAN);
    expect(EVENT_NOTES[type]).toMatch(HAN);
  });

  it.each(EVENT_TYPES)('%s: the example is a valid payload', (type) => {
    expect(payloadErrors(type, EVENT_EXAMPLES[type])).toEqual([]);
  });

  it('gives the definition those tables, beside the words of every stage, step and event', () => {
    expect(def.docs.payloads).toBe(EVENT_PAYLOADS);
    expect(Object.keys(def.docs.examples)).toEqual(def.events);
    for (const s of def.stages) expect(def.labels.stages[s]).toMatch(HAN);
    for (const s of def.steps) expect(def.labels.steps[s]).toMatch(HAN);
    for (const e of def.events) expect(def.labels.events[e]).toMatch(HAN);
  });
});

describe('major-decision v1: the stages that take each event', () => {
  it('are the stages where the definition accepts it', () => {
    const walk = new Walk({ requirements: ALL_REQUIRED });
    const seen: Record<string, Set<string>> = {};
    const note = () => {
      for (const e of def.acceptedEvents(walk.state)) (seen[e] ??= new Set()).add(def.stageOf(walk.state));
    };
    note();
    for (const t of TO_PUBLISHED) {
      walk.through(t);
      note();
    }
    for (const [event, stages] of Object.entries(seen)) expect(def.docs.eventStages[event]).toEqual(expect.arrayContaining([...stages]));
    expect(def.docs.eventStages.SUBMIT_LEGALITY_REVIEW).toEqual(['drafting']);
    expect(def.docs.eventStages.PUBLISH).toEqual(['decided', 'reported']);
    expect(def.docs.eventStages.ARCHIVE).toEqual(['published', 'rejected', 'withdrawn']);
  });
});

describe('major-decision v1: the rules each event can be refused by', () => {
  const rules = def.docs.eventRules();

  it('names the guards of each event with the articles they cite', () => {
    expect(rules.RECORD_HEARING).toEqual([
      { code: 'HEARING_NOTICE_TOO_SHORT', legalBasis: ['SC713-16'] },
      { code: 'HEARING_RECORD_UNSIGNED', legalBasis: ['SC713-17'] },
    ]);
    expect(rules.OPEN_PUBLIC_COMMENT).toContainEqual({ code: 'COMMENT_PERIOD_TOO_SHORT', legalBasis: ['SC713-15'] });
    expect(rules.SUBMIT_LEGALITY_REVIEW).toEqual(
      expect.arrayContaining([
        { code: 'REVIEW_TIME_TOO_SHORT', legalBasis: ['SC713-26'] },
        { code: 'REVIEW_MATERIALS_INCOMPLETE', legalBasis: ['SC713-26'] },
        { code: 'DRAFT_NOT_REVISED', legalBasis: ['SC713-25', 'SC713-28'] },
        { code: 'RISK_ASSESSMENT_INCOMPLETE', legalBasis: ['SC713-22'] },
      ]),
    );
    expect(rules.ARCHIVE).toEqual([{ code: 'ARCHIVE_INCOMPLETE', legalBasis: ['SC713-33'] }]);
    expect(rules.START_DRAFTING).toEqual([]);
  });

  it('leaves the date rules to the general part, and cites only known articles and codes', () => {
    for (const list of Object.values(rules)) {
      for (const r of list) {
        expect(['DATE_IN_FUTURE', 'DATE_OUT_OF_ORDER']).not.toContain(r.code);
        expect(Object.keys(REFUSAL_CATEGORIES)).toContain(r.code);
        expect(Object.keys(CODE_LABELS)).toContain(r.code);
        for (const id of r.legalBasis) expect(Object.keys(LEGAL_BASIS)).toContain(id);
      }
    }
  });
});

describe('major-decision v1: the deadlines the manual describes', () => {
  const rules: DeadlineRules = {
    catalogPublishedBy: '03-31',
    publicCommentClosedWithinWorkingDays: 5,
    partyReportWithinWorkingDays: 10,
    publicationWithinWorkingDays: 20,
    archiveWithinDays: 30,
    recordedWithinWorkingDays: 5,
  };

  it('are those the definition computes along the procedure, each step with its rule and unit', () => {
    const walk = new Walk({ requirements: ALL_REQUIRED, year: 2026, plannedStartOn: '2026-03-01', plannedDecisionOn: '2026-12-31' });
    const produced = new Map<string, string>();
    const note = () => {
      for (const d of def.deadlines(walk.state, rules, sampleEnv().calendar)) produced.set(d.step, `${d.rule} ${d.unit}`);
    };
    note();
    for (const t of TO_PUBLISHED) {
      walk.through(t);
      note();
    }
    const documented = new Map(def.docs.deadlines.map((d) => [d.step, `${d.rule} ${d.unit}`]));
    expect(Object.fromEntries(produced)).toEqual(Object.fromEntries(documented));
    for (const d of def.docs.deadlines) expect(d.from).toMatch(HAN);
  });
});
