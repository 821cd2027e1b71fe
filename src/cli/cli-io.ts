import { HttpException } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';

/** Exit codes of the command line: 0 done, 1 refused or failed (a broken chain for `verify`), 2 `demo` on a database that holds data. */
export const EXIT = { ok: 0, failed: 1, notEmpty: 2 } as const;

/**
 * Where a command writes: results on `out` (stdout), progress and errors on `err` (stderr), so
 * that a result can be piped while the progress stays on the screen. Tests pass their own sinks.
 */
export class CliIo {
  exitCode: number = EXIT.ok;
  private lastProgress = 0;

  constructor(
    private readonly stdout: (text: string) => void = (t) => void process.stdout.write(t),
    private readonly stderr: (text: string) => void = (t) => void process.stderr.write(t),
    /** Least milliseconds between two progress lines. */
    private readonly progressEveryMs = 1000,
  ) {}

  out(line = ''): void {
    this.stdout(`${line}\n`);
  }

  err(line: string): void {
    this.stderr(`${line}\n`);
  }

  /** Text as it is (commander's help and usage errors). */
  raw(text: string): void {
    this.stdout(text);
  }

  rawErr(text: string): void {
    this.stderr(text);
  }

  /** A progress line, at most one a second (and always the last one, `done === total`). */
  progress(what: string, done: number, total: number, extra = ''): void {
    const now = Date.now();
    if (done < total && now - this.lastProgress < this.progressEveryMs) return;
    this.lastProgress = now;
    const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
    this.err(`${what} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}（${pct}%）${extra}`);
  }

  /** A refusal or failure as a person reads it, each problem on its own line; sets the exit code. */
  fail(err: unknown, code: number = EXIT.failed): void {
    this.exitCode = code;
    if (err instanceof DomainError) {
      this.err(`错误：${err.detail}`);
      for (const e of (err.extra.errors as Array<Record<string, unknown>> | undefined) ?? []) this.err(`  ${where(e)}${String(e.message)}`);
      return;
    }
    if (err instanceof HttpException) {
      const body = err.getResponse();
      this.err(`错误：${typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : err.message}`);
      return;
    }
    this.err(`错误：${err instanceof Error ? err.message : String(err)}`);
  }
}

function where(e: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof e.row === 'number') parts.push(`第 ${e.row} 行`);
  if (typeof e.column === 'string') parts.push(`「${e.column}」`);
  else if (typeof e.field === 'string') parts.push(String(e.field));
  return parts.length ? `${parts.join('')}：` : '';
}
