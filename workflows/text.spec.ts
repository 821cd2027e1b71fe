import { uncleanText } from './text';

describe('uncleanText', () => {
  it.each([
    ['plain Chinese', '关于老旧小区改造的决定'],
    ['tab and newline', '第一条\t内容\n第二条'],
    ['a character outside the BMP (a well-formed surrogate pair)', '𠀀字 and 😀'],
    ['zero-width joiner and non-breaking space, which are not controls', 'a\u200db\u00a0c'],
    ['the empty string', ''],
  ])('accepts %s', (_what, s) => {
    expect(uncleanText(s)).toBeUndefined();
  });

  it.each([
    ['a lone high surrogate at the end', 'abc\ud83d', 3, 'U+D83D'],
    ['a lone low surrogate', 'a\ude00b', 1, 'U+DE00'],
    ['a high surrogate followed by another high one', '\ud83d\ud83d\ude00', 0, 'U+D83D'],
    ['NUL', 'a\u0000', 1, 'U+0000'],
    ['BEL', '\u0007', 0, 'U+0007'],
    ['ESC', 'x\u001b[2J', 1, 'U+001B'],
    ['carriage return', 'a\r\nb', 1, 'U+000D'],
    ['DEL', 'a\u007f', 1, 'U+007F'],
    ['a C1 control (NEL)', 'a\u0085', 1, 'U+0085'],
    ['right-to-left override', 'abc\u202eevil', 3, 'U+202E'],
    ['left-to-right mark', '\u200e', 0, 'U+200E'],
    ['Arabic letter mark', 'x\u061c', 1, 'U+061C'],
    ['first strong isolate', '\u2068x\u2069', 0, 'U+2068'],
  ])('refuses %s, naming the character and where it stands', (_what, s, index, codePoint) => {
    const found = uncleanText(s);
    expect(found).toMatchObject({ index, codePoint });
    expect(found?.message).toContain(codePoint);
    expect(found?.message).toContain(`第 ${index + 1} 个字符`);
  });
});
