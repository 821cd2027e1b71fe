import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DEADLINE_RULES, DeadlineRulesError, loadDeadlineRules } from './deadline-rules';

function dirWith(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deadline-rules-'));
  if (content !== undefined) writeFileSync(join(dir, 'deadlines.json'), content);
  return dir;
}

function errorOf(dir: string): DeadlineRulesError {
  try {
    loadDeadlineRules(dir);
  } catch (err) {
    if (err instanceof DeadlineRulesError) return err;
    throw err;
  }
  throw new Error('expected a DeadlineRulesError');
}

describe('loadDeadlineRules', () => {
  it('the shipped config/deadlines.json states exactly the documented fallbacks', () => {
    expect(loadDeadlineRules(resolve(__dirname, '../../config'))).toEqual(DEFAULT_DEADLINE_RULES);
    expect(DEFAULT_DEADLINE_RULES).toEqual({
      catalogPublishedBy: '03-31',
      publicCommentClosedWithinWorkingDays: 5,
      partyReportWithinWorkingDays: 10,
      publicationWithinWorkingDays: 20,
      archiveWithinDays: 30,
      recordedWithinWorkingDays: 5,
    });
  });

  it('falls back to the defaults without a file, and key by key', () => {
    expect(loadDeadlineRules(dirWith())).toEqual(DEFAULT_DEADLINE_RULES);
    expect(loadDeadlineRules(dirWith(JSON.stringify({ archiveWithinDays: 60, catalogPublishedBy: '02-28', note: '本区规定' })))).toEqual({
      ...DEFAULT_DEADLINE_RULES,
      archiveWithinDays: 60,
      catalogPublishedBy: '02-28',
    });
  });

  it.each([
    ['{ not json', undefined, /invalid JSON/],
    ['[]', undefined, /JSON object/],
    ['{"archiveWithinDay": 30}', 'archiveWithinDay', /unknown key/],
    ['{"archiveWithinDays": 0}', 'archiveWithinDays', /whole number of days from 1 to 366, got 0/],
    ['{"partyReportWithinWorkingDays": 2.5}', 'partyReportWithinWorkingDays', /got 2.5/],
    ['{"publicationWithinWorkingDays": "20"}', 'publicationWithinWorkingDays', /got "20"/],
    ['{"recordedWithinWorkingDays": 0}', 'recordedWithinWorkingDays', /whole number of days from 1 to 366, got 0/],
    ['{"catalogPublishedBy": "3-31"}', 'catalogPublishedBy', /MM-DD/],
    ['{"catalogPublishedBy": "02-29"}', 'catalogPublishedBy', /every year/],
    ['{"note": 5}', 'note', /string/],
  ])('refuses %s, naming the file and %s', (content, key, message) => {
    const dir = dirWith(content);
    const err = errorOf(dir);
    expect(err.file).toBe(join(dir, 'deadlines.json'));
    expect(err.key).toBe(key);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(join(dir, 'deadlines.json'))).toBe(true);
  });
});
