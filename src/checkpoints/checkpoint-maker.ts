/**
 * Makes checkpoints: reads every decision's chain head, builds the Merkle tree over them, signs
 * the tree head chained to the checkpoint before, and stores it with the leaves that changed.
 *
 * The tree of the last checkpoint is kept in memory, so that the next one computes again only the
 * paths of the heads that moved (and everything after the first decision added or gone); after a
 * restart, or when another instance made the last checkpoint, it is read again from the stored
 * leaves.
 *
 * One at a time: on SQLite the heads are read in short reads, then one write stores the checkpoint
 * if no other was stored meanwhile (else it starts again); on PostgreSQL one transaction holds an
 * advisory lock for the whole of it, so that instances take turns and never fork the chain.
 */
import { DatabaseLock, tryTransactionLock } from '../database/database-locks';
import type { TransactionRunner, Tx } from '../database/transaction-runner';
import type { Clock } from '../engine/procedure-engine';
import { checkpointHash, FIRST_PREV_HASH, signedBytes, type Checkpoint, type UnsignedCheckpoint } from './checkpoint';
import type { SigningKey } from './checkpoint-keys';
import { chainHeads, insertCheckpoint, insertLeaves, latestCheckpoint, storedLeavesAt, type StoredLeaf } from './checkpoint-store';
import { leafHash, MerkleLevels, type Leaf } from './merkle';

/** The tree of a checkpoint, as the next one starts from. */
interface TreeState {
  seq: number;
  leaves: Leaf[];
  hashes: Buffer[];
  tree: MerkleLevels;
}

export interface MakeOptions {
  /** Make none when no head moved since the last checkpoint (the schedule); on demand one is always made. */
  skipUnchanged?: boolean;
  /** PostgreSQL: when another instance is making one, do nothing (the schedule) rather than wait. */
  skipWhenBusy?: boolean;
}

export type MakeResult = { made: true; checkpoint: Checkpoint; changed: number } | { made: false; reason: 'unchanged' | 'busy' };

/** Another checkpoint was stored while this one was being made. */
class Superseded extends Error {}

export class CheckpointMaker {
  private state?: TreeState;
  private running?: Promise<unknown>;

  constructor(
    private readonly runner: TransactionRunner,
    private readonly key: SigningKey,
    private readonly clock: Clock,
  ) {}

  /** One checkpoint, after any being made in this process. */
  make(opts: MakeOptions = {}): Promise<MakeResult> {
    const run = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => this.attempts(opts));
    this.running = run;
    return run;
  }

  private async attempts(opts: MakeOptions): Promise<MakeResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.runner.dialect === 'postgres' ? await this.onPostgres(opts) : await this.onSqlite(opts);
      } catch (err) {
        if (!(err instanceof Superseded) || attempt >= 5) throw err;
      }
    }
  }

  private async onSqlite(opts: MakeOptions): Promise<MakeResult> {
    const read = <T>(fn: (tx: Tx) => Promise<T>) => this.runner.read(fn);
    const prev = await read(latestCheckpoint);
    const next = await this.build(prev, read, 'sqlite');
    if (opts.skipUnchanged && prev && !next.changes.length) return { made: false, reason: 'unchanged' };
    await this.runner.write(async (tx) => {
      if ((await latestCheckpoint(tx))?.seq !== prev?.seq) throw new Superseded();
      await this.store(tx, next);
    });
    this.state = next.state;
    return { made: true, checkpoint: next.checkpoint, changed: next.changes.length };
  }

  private async onPostgres(opts: MakeOptions): Promise<MakeResult> {
    let built: Built | undefined;
    const res = await this.runner.write(async (tx): Promise<MakeResult> => {
      if (opts.skipWhenBusy) {
        if (!(await tryTransactionLock(tx, DatabaseLock.Checkpoint))) return { made: false, reason: 'busy' };
      } else await tx.query('SELECT pg_advisory_xact_lock(?)', [DatabaseLock.Checkpoint]);
      const prev = await latestCheckpoint(tx);
      const next = await this.build(prev, (fn) => fn(tx), 'postgres');
      if (opts.skipUnchanged && prev && !next.changes.length) return { made: false, reason: 'unchanged' };
      await this.store(tx, next);
      built = next;
      return { made: true, checkpoint: next.checkpoint, changed: next.changes.length };
    });
    if (built) this.state = built.state;
    return res;
  }

  private async store(tx: Tx, next: Built): Promise<void> {
    await insertCheckpoint(tx, next.checkpoint);
    await insertLeaves(tx, next.checkpoint.seq, next.changes);
  }

  /** The next checkpoint after `prev`, from the heads as they are now; nothing is written. */
  private async build(prev: Checkpoint | undefined, read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, dialect: 'sqlite' | 'postgres'): Promise<Built> {
    const base = await this.baseOf(prev, read);
    const at = this.clock.now().toISOString();
    const heads = await chainHeads(read, dialect);

    // The heads against the last checkpoint's leaves, both in the tree's order.
    const changes: StoredLeaf[] = [];
    const old = base.leaves;
    let from = heads.length;
    const dirty: number[] = [];
    const hashes: Buffer[] = new Array<Buffer>(heads.length);
    let i = 0;
    let j = 0;
    for (; i < heads.length; i++) {
      const h = heads[i];
      while (j < old.length && old[j].decisionId < h.decisionId) {
        changes.push({ decisionId: old[j].decisionId, seq: old[j].seq, hash: null });
        from = Math.min(from, i);
        j++;
      }
      const o = old[j];
      if (o && o.decisionId === h.decisionId) {
        j++;
        if (o.seq === h.seq && o.hash === h.hash) {
          hashes[i] = base.hashes[j - 1];
          continue;
        }
        if (i === j - 1) dirty.push(i);
        else from = Math.min(from, i);
      } else from = Math.min(from, i);
      changes.push({ decisionId: h.decisionId, seq: h.seq, hash: h.hash });
      hashes[i] = leafHash(h);
    }
    for (; j < old.length; j++) {
      changes.push({ decisionId: old[j].decisionId, seq: old[j].seq, hash: null });
      from = Math.min(from, heads.length);
    }
    // A leaf that kept its place but moved with the others after `from` is computed again with them.
    const tree = base.tree.clone();
    const root = tree.update(hashes, dirty, from).toString('hex');

    const unsigned: UnsignedCheckpoint = {
      seq: (prev?.seq ?? 0) + 1,
      at,
      decisions: heads.length,
      events: heads.reduce((n, h) => n + h.seq, 0),
      root,
      prevCheckpointHash: prev ? checkpointHash(prev) : FIRST_PREV_HASH,
      keyId: this.key.keyId,
    };
    const checkpoint: Checkpoint = { ...unsigned, signature: this.key.sign(signedBytes(unsigned)).toString('base64') };
    return { checkpoint, changes, state: { seq: checkpoint.seq, leaves: heads, hashes, tree } };
  }

  /** The tree of checkpoint `prev`: the one in memory if it is that one, else built from its stored leaves. */
  private async baseOf(prev: Checkpoint | undefined, read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>): Promise<TreeState> {
    if (!prev) return { seq: 0, leaves: [], hashes: [], tree: new MerkleLevels() };
    if (this.state?.seq === prev.seq) return this.state;
    const leaves = await read((tx) => storedLeavesAt(tx, prev.seq));
    const hashes = leaves.map(leafHash);
    return { seq: prev.seq, leaves, hashes, tree: MerkleLevels.of(hashes) };
  }
}

interface Built {
  checkpoint: Checkpoint;
  changes: StoredLeaf[];
  state: TreeState;
}
