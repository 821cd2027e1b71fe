import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { auditScope, auditSees } from '../audit/audit-scope';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { listRecordsOf } from '../engine/procedure-store';
import { GENESIS_HASH, recordHash } from '../engine/record-hash';
import type { Checkpoint } from './checkpoint';
import { CHECKPOINT_CONFIG, type CheckpointConfig } from './checkpoint-config';
import { publicPart, type PublicCheckpointKey } from './checkpoint-keys';
import { CheckpointMaker, type MakeOptions, type MakeResult } from './checkpoint-maker';
import { checkpointAt, checkpointPage, latestCheckpoint, storedLeavesAt } from './checkpoint-store';
import { assertSoundList, CheckpointVerifier, type CheckpointVerification } from './checkpoint-verifier';
import { leafData, leafHash, MerkleLevels, type Leaf } from './merkle';

export interface InclusionProof {
  checkpoint: Checkpoint;
  leaf: Leaf;
  leafData: string;
  leafHash: string;
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
  recordHolds: boolean;
}

export type VerificationAnswer = CheckpointVerification & { verifiedAt: string };

/**
 * Checkpoints for the HTTP routes, the schedule and the command line: make one, list them and the
 * keys, prove a decision's head in one, verify kept checkpoints against the database.
 */
@Injectable()
export class CheckpointsService {
  private readonly logger = new Logger('Checkpoints');
  private readonly maker?: CheckpointMaker;
  private readonly verifier: CheckpointVerifier;

  constructor(
    private readonly runner: TransactionRunner,
    @Inject(CHECKPOINT_CONFIG) private readonly config: CheckpointConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    if (config.signingKey) this.maker = new CheckpointMaker(runner, config.signingKey, clock);
    this.verifier = new CheckpointVerifier(runner);
  }

  get canMake(): boolean {
    return this.maker !== undefined;
  }

  /** A checkpoint now (on demand: always; the schedule skips when nothing moved or another instance is at it). */
  async make(opts: MakeOptions = {}): Promise<MakeResult> {
    if (!this.maker) {
      throw new DomainError(
        409,
        'CHECKPOINT_KEY_MISSING',
        '未配置检查点的签名私钥，不能生成检查点：使用 PostgreSQL 时须以 CHECKPOINT_KEY_FILE 指定各实例共用的私钥文件（PKCS #8 PEM），重启服务后即可生成。',
      );
    }
    const res = await this.maker.make(opts);
    if (res.made) this.logger.log(`checkpoint ${res.checkpoint.seq}: ${res.checkpoint.decisions} decisions, ${res.checkpoint.events} record rows, ${res.changed} heads moved`);
    return res;
  }

  async page(query: PageQueryDto): Promise<Page<Checkpoint>> {
    const { items, total } = await this.runner.read((tx) => checkpointPage(tx, query.offset, query.pageSize));
    return new Page(items, total);
  }

  keys(): PublicCheckpointKey[] {
    return this.config.verifyingKeys.map(publicPart);
  }

  /**
   * The audit path of the decision's head in checkpoint `seq` (default the latest), from the
   * stored leaves, which must give the signed root (409 otherwise: the proof would prove nothing).
   */
  async proof(user: AuthUser, decisionId: string, seq?: number): Promise<InclusionProof> {
    const scope = auditScope(user);
    const [decision] = await this.runner.read((tx) => tx.query<{ organ_id: string }>('SELECT organ_id FROM decision WHERE id = ?', [decisionId]));
    if (!decision || !auditSees(scope, decision.organ_id)) throw new NotFoundError('decision', decisionId);
    const checkpoint = await this.runner.read((tx) => (seq === undefined ? latestCheckpoint(tx) : checkpointAt(tx, seq)));
    if (!checkpoint && seq === undefined) throw new DomainError(404, 'NOT_FOUND', '还没有生成任何检查点：检查点按计划定时生成，审计人员也可以 POST /audit/checkpoints 立即生成。');
    if (!checkpoint) throw new NotFoundError('检查点', String(seq));
    const leaves = await this.runner.read((tx) => storedLeavesAt(tx, checkpoint.seq));
    const hashes = leaves.map(leafHash);
    const tree = MerkleLevels.of(hashes);
    if (tree.root().toString('hex') !== checkpoint.root) {
      throw new DomainError(
        409,
        'CHECKPOINT_LEAVES_ALTERED',
        `数据库中第 ${checkpoint.seq} 号检查点的叶子与其签名的根哈希不符：叶子已被改动，不能据此出具包含证明。请以所保存的检查点调用 POST /audit/checkpoints/verify 核验。`,
      );
    }
    const index = leaves.findIndex((l) => l.decisionId === decisionId);
    if (index < 0) {
      throw new DomainError(404, 'NOT_IN_CHECKPOINT', `第 ${checkpoint.seq} 号检查点不包含决策事项「${decisionId}」：该事项在检查点生成之后才登记。请选用更晚的检查点。`, {
        errors: [{ field: 'checkpoint', message: `第 ${checkpoint.seq} 号检查点生成时该决策事项尚未登记` }],
      });
    }
    const leaf = leaves[index];
    return {
      checkpoint,
      leaf,
      leafData: leafData(leaf),
      leafHash: hashes[index].toString('hex'),
      leafIndex: index,
      treeSize: leaves.length,
      auditPath: tree.auditPath(index).map((h) => h.toString('hex')),
      recordHolds: await this.headHolds(leaf),
    };
  }

  /** Whether today's rows of the decision, hashed again from their content, give the head. */
  private async headHolds(leaf: Leaf): Promise<boolean> {
    const rows = await this.runner.read((tx) => listRecordsOf(tx, [leaf.decisionId]));
    let prev = GENESIS_HASH;
    for (let i = 0; i < leaf.seq; i++) {
      const r = rows[i];
      if (!r || Number(r.seq) !== i + 1) return false;
      const json = (t: string): unknown => {
        try {
          return JSON.parse(t);
        } catch {
          return { unparseable: t };
        }
      };
      prev = recordHash({
        decisionId: r.decision_id,
        seq: Number(r.seq),
        revision: Number(r.revision),
        type: r.type,
        payload: json(r.payload),
        facts: json(r.facts),
        actor: json(r.actor),
        recordedAt: r.recorded_at,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        prevHash: prev,
      });
    }
    return prev === leaf.hash;
  }

  /** Kept checkpoints against today's database; a list that is not sound is a 422 naming the checkpoint. */
  async verify(list: Checkpoint[]): Promise<VerificationAnswer> {
    assertSoundList(list, this.config.verifyingKeys);
    const res = await this.verifier.verify(list);
    return { ...res, verifiedAt: new Date().toISOString() };
  }

  /**
   * Whether checkpoint `to` still holds everything checkpoint `from` covered, and both today's
   * record: the two as stored, their signatures checked, verified as a kept list.
   */
  async consistency(from: number, to: number): Promise<VerificationAnswer> {
    if (from >= to) {
      throw new DomainError(400, 'VALIDATION_FAILED', `from（${from}）须小于 to（${to}）：先给较早的检查点，再给较晚的`, {
        errors: [{ field: 'from', message: '须小于 to' }],
      });
    }
    const [older, newer] = await this.runner.read(async (tx) => [await checkpointAt(tx, from), await checkpointAt(tx, to)]);
    if (!older) throw new NotFoundError('检查点', String(from));
    if (!newer) throw new NotFoundError('检查点', String(to));
    return this.verify([older, newer]);
  }
}
