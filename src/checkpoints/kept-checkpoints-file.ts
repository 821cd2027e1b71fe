/**
 * Kept checkpoints from a file, verified against the database without the HTTP service, for the
 * command line (`npm run cli -- verify --checkpoints <file>`): the file holds what
 * `GET /public/checkpoints` served, a JSON array (pages of it joined into one), or
 * `{ "checkpoints": [...] }` as `POST /audit/checkpoints/verify` takes it.
 */
import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadRequestError } from '../common/errors/domain-error';
import { toFieldErrors } from '../common/pipes/validation.pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { loadCheckpointConfig } from './checkpoint-config';
import { VerifyCheckpointsDto } from './checkpoint.dto';
import { assertSoundList, CheckpointVerifier, type CheckpointVerification } from './checkpoint-verifier';

@Injectable()
export class KeptCheckpointsFile {
  constructor(
    private readonly runner: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The file's checkpoints against today's database; a file that is not a sound list is refused as the HTTP route refuses it. */
  async verify(file: string): Promise<CheckpointVerification> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new BadRequestError([{ field: 'checkpoints', message: `不能读取 ${file}：${(err as Error).message}` }]);
    }
    const body = plainToInstance(VerifyCheckpointsDto, Array.isArray(parsed) ? { checkpoints: parsed } : parsed);
    const errors = validateSync(body, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: false } });
    if (errors.length) throw new BadRequestError(toFieldErrors(errors).slice(0, 20));
    assertSoundList(body.checkpoints, loadCheckpointConfig(this.config).verifyingKeys);
    return new CheckpointVerifier(this.runner).verify(body.checkpoints);
  }
}

/** The answer as a person reads it on the command line: a line of totals, then one line per mismatch. */
export function verificationLines(res: CheckpointVerification): string[] {
  const totals = `${res.checked} 个检查点，覆盖 ${res.decisions} 件决策事项，重算 ${res.events.toLocaleString('en-US')} 条记录`;
  if (res.ok) return [`检查点所覆盖的记录全部如初：${totals}`];
  return [
    `${res.mismatches.length} 处与所保存的检查点不符（${totals}）：`,
    ...res.mismatches.map((m) =>
      m.decisionId === null
        ? `  第 ${m.checkpointSeq} 号检查点：${m.reason}`
        : `  ${m.decisionId} 自第 ${m.checkpointSeq} 号检查点起不符，第 ${m.firstDifferingSeq} 条（第 ${m.intactUpToSeq} 条及以前如初）：${m.reason}`,
    ),
  ];
}
