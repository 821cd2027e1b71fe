/**
 * What a text field may hold. Everything a person types is kept as it came and shown again to other
 * people (the record, the public catalog), so a text must be well-formed Unicode and free of
 * characters that change how other text is shown without being seen themselves:
 *
 * - ill-formed UTF-16 (a lone surrogate): JSON lets it through, but a database stores it as
 *   U+FFFD, so the stored row and the hashed record would differ;
 * - bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they reorder
 *   the text around them ("Trojan Source", CVE-2021-42574), e.g. a unit name shown backwards;
 * - C0 controls other than tab and newline (NUL, BEL, ESC, carriage return…), DEL, and the C1
 *   controls U+0080–U+009F: terminal escapes and invisible bytes that no document contains.
 */

/** One character a text may not hold, where it stands, and in words a reader can act on. */
export interface UncleanText {
  /** 0-based index in UTF-16 code units. */
  index: number;
  /** `U+202E`. */
  codePoint: string;
  /** Chinese, e.g. `含有双向文字控制符 U+202E（第 5 个字符），请删除后重新提交`. */
  message: string;
}

const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** A quick test first: almost every text holds none of these, and is then passed in one regex scan. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `s` may not hold (see above), or undefined when the text is clean. */
export function uncleanText(s: string): UncleanText | undefined {
  if (!SUSPECT.test(s)) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const at = `（第 ${i + 1} 个字符）`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: hex(c), message: `含有残缺的 Unicode 字符（孤立代理项 ${hex(c)}）${at}，请重新输入该处文字` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return { index: i, codePoint: hex(c), message: `含有残缺的 Unicode 字符（孤立代理项 ${hex(c)}）${at}，请重新输入该处文字` };
    }
    if (BIDI_CONTROLS.has(c)) {
      return { index: i, codePoint: hex(c), message: `含有改变文字显示方向的控制符 ${hex(c)}${at}，请删除后重新提交` };
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) {
      return { index: i, codePoint: hex(c), message: `含有不可见的控制字符 ${hex(c)}${at}，只允许制表符和换行符，请删除后重新提交` };
    }
  }
  return undefined;
}
