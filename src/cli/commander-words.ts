/**
 * commander's own messages (an unknown command or option, a missing argument), said in Chinese:
 * the command line speaks to an operator as the service speaks to its users.
 */
const COMMANDS = 'catalog、archive、users、verify、demo';

const RULES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown command '([^']*)'/, (m) => `未知的命令「${m[1]}」。可用的命令：${COMMANDS}（npm run cli -- --help 查看说明）`],
  [/^error: unknown option '([^']*)'/, (m) => `未知的选项「${m[1]}」：在命令后加 --help 查看它的选项`],
  [/^error: missing required argument '([^']*)'/, (m) => `缺少参数「${m[1]}」：在命令后加 --help 查看用法`],
  [/^error: option '([^']*)' argument missing/, (m) => `选项「${m[1]}」缺少取值`],
  [/^error: required option '([^']*)' not specified/, (m) => `缺少必填的选项「${m[1]}」`],
  [/^error: too many arguments(?: for '([^']*)')?/, (m) => `参数过多${m[1] ? `（命令「${m[1]}」）` : ''}：在命令后加 --help 查看用法`],
];

/** A commander error message in Chinese (one it does not know stays as it is, after 错误：). */
export function commanderMessage(text: string): string {
  const guess = /\(Did you mean ([^?]+)\?\)/.exec(text);
  const hint = guess ? `您是否要找「${guess[1].trim()}」？` : '';
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(text.trim());
    if (m) return `错误：${say(m)}${hint ? ` ${hint}` : ''}\n`;
  }
  return `错误：${text.replace(/^error:\s*/, '')}`;
}
