import { createHash } from 'node:crypto';
import { keptPayload, REFUSED_PAYLOAD_MAX_BYTES } from './refused-payload';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('keptPayload: what is stored of a refused payload', () => {
  it('keeps a payload of at most 2 KiB whole, with its size and digest', () => {
    const json = JSON.stringify({ startedOn: '2026-03-02', note: '启动' });
    expect(keptPayload(json)).toEqual({ text: json, bytes: Buffer.byteLength(json), sha256: sha256(json), truncated: false });
    const exact = JSON.stringify({ s: 'x'.repeat(REFUSED_PAYLOAD_MAX_BYTES - 8) });
    expect(Buffer.byteLength(exact)).toBe(REFUSED_PAYLOAD_MAX_BYTES);
    expect(keptPayload(exact).truncated).toBe(false);
  });

  it('keeps the first 2 KiB of a larger one, with the size and digest of the whole', () => {
    const json = JSON.stringify({ lawsReviewed: Array.from({ length: 100 }, () => 'x'.repeat(10_000)) });
    const kept = keptPayload(json);
    expect(kept).toMatchObject({ bytes: Buffer.byteLength(json), sha256: sha256(json), truncated: true });
    expect(kept.text).toBe(json.slice(0, REFUSED_PAYLOAD_MAX_BYTES));
  });

  it('cuts where a character starts: three-byte and four-byte characters are never split', () => {
    for (const [char, offset] of [['汉', 0], ['汉', 1], ['汉', 2], ['𠀋', 0], ['𠀋', 1], ['𠀋', 3]] as const) {
      const json = `"${'a'.repeat(offset)}${char.repeat(2000)}"`;
      const kept = keptPayload(json);
      const bytes = Buffer.byteLength(kept.text);
      expect(bytes).toBeLessThanOrEqual(REFUSED_PAYLOAD_MAX_BYTES);
      expect(bytes).toBeGreaterThan(REFUSED_PAYLOAD_MAX_BYTES - Buffer.byteLength(char));
      expect(json.startsWith(kept.text)).toBe(true);
      expect(kept.text).not.toContain('\ufffd');
    }
  });
});
