import { Inject } from '@nestjs/common';
import { Command, Option } from 'nest-commander';
import { PROBLEM_TEXT } from '../../audit/audit-verify';
import { KeptCheckpointsFile, verificationLines } from '../../checkpoints/kept-checkpoints-file';
import { TransactionRunner } from '../../database/transaction-runner';
import { ChainVerifier } from '../../engine/chain-verifier';
import { CliIo, EXIT } from '../cli-io';
import { CliCommand } from './base';

/**
 * Recomputes every decision's hash chain from the rows as stored now (the verifier of GET
 * /audit/verify), with its progress; exit code 1 when any chain is broken, each one named. With
 * `--checkpoints <file>`: the kept checkpoints of the file against the database (as POST
 * /audit/checkpoints/verify), exit code 1 when the record differs from what one of them covered.
 */
@Command({ name: 'verify', description: '重新计算全部决策事项的哈希链：完整时退出码为 0，有断裂时为 1 并逐件列出' })
export class VerifyCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly verifier: ChainVerifier,
    private readonly runner: TransactionRunner,
    private readonly kept: KeptCheckpointsFile,
  ) {
    super(io);
  }

  @Option({ flags: '--checkpoints <file>', description: '核验所保存的检查点（GET /public/checkpoints 的内容）：数据库是否仍是各检查点所覆盖的原样' })
  parseCheckpoints(v: string): string {
    return v;
  }

  protected async execute(_params: string[], options: { checkpoints?: string } = {}): Promise<void> {
    if (options.checkpoints !== undefined) {
      const res = await this.kept.verify(options.checkpoints);
      for (const line of verificationLines(res)) this.io.out(line);
      if (!res.ok) this.io.exitCode = EXIT.failed;
      return;
    }
    const [count] = await this.runner.read((tx) => tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM decision'));
    const total = Number(count.n);
    const started = Date.now();
    const res = await this.verifier.verifyAll({
      onPage: (s) => this.io.progress('已核验', s.decisions, total, `件决策事项，${s.events.toLocaleString('en-US')} 条记录${s.broken ? `，${s.broken} 件不完整` : ''}`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (res.ok) {
      this.io.out(`全部完整：${res.decisions} 件决策事项，${res.events} 条记录（用时 ${seconds} 秒）`);
      return;
    }
    const titles = await this.runner.read((tx) =>
      tx.query<{ id: string; title: string }>(`SELECT id, title FROM decision WHERE id IN (${res.broken.map(() => '?').join(', ')})`, res.broken.map((b) => b.decisionId)),
    );
    const title = new Map(titles.map((t) => [t.id, t.title]));
    this.io.out(`${res.broken.length} 件决策事项的记录不完整（共核验 ${res.decisions} 件、${res.events} 条记录，用时 ${seconds} 秒）：`);
    for (const b of res.broken) this.io.out(`  ${b.decisionId}「${title.get(b.decisionId) ?? ''}」第 ${b.seq} 条：${PROBLEM_TEXT[b.problem]}`);
    this.io.exitCode = EXIT.failed;
  }
}
