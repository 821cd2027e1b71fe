import { EVENT_PAYLOADS, EVENT_TYPES } from './events';
import { CLAIMED_DATES } from './claimed-dates';
import { ALL_REQUIRED, samplePayload } from './samples';
import { STEPS } from './steps';
import { Walk } from './walk';

describe('major-decision v1: the date each record row claims', () => {
  it.each(EVENT_TYPES)('%s names a required date field of its payload, and a step of the procedure or none', (type) => {
    const { field, step } = CLAIMED_DATES[type];
    const shape = EVENT_PAYLOADS[type] as Record<string, { kind: string; optional?: boolean }>;
    expect(shape[field]).toEqual({ kind: 'date' });
    expect(step === null || (STEPS as readonly string[]).includes(step)).toBe(true);
    expect(samplePayload(type, new Walk({ requirements: ALL_REQUIRED }).state.context)[field]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('each event of a step is that step’s', () => {
    expect(CLAIMED_DATES.RECORD_HEARING).toEqual({ field: 'heldOn', step: 'hearing' });
    expect(CLAIMED_DATES.CONCLUDE_REVIEW).toEqual({ field: 'concludedOn', step: 'legalityReview' });
    expect(CLAIMED_DATES.RECORD_DISCUSSION).toEqual({ field: 'meetingOn', step: 'collectiveDiscussion' });
    expect(CLAIMED_DATES.RECORD_IMPLEMENTATION_REPORT).toEqual({ field: 'reportedOn', step: null });
  });
});
