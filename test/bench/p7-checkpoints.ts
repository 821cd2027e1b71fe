/**
 * P7: checkpoints on the large database of P4 (seed-large.ts: 100,000 decisions, about 1,000,000
 * record rows; `P7_DECISIONS` sets the size).
 *
 * - make: the first checkpoint over every decision (every leaf stored), and one made by a service
 *   just started (its tree read back from the stored leaves), each against the 2 s target;
 * - verify a year: 365 daily checkpoints (`P7_DAYS`) of a record that grew over the year — decision
 *   n's head on day d is at seq ⌈rows·(d+1)/365⌉, so that on the last day every head is where the
 *   seed left it and about a million heads moved in between — verified as a kept list against the
 *   database (every row hashed again, every root rebuilt); and, for comparison, the last one alone.
 *   The year's checkpoints are made here from the stored rows' hashes, as the schedule would have
 *   made them day after day. No target: a figure.
 */
import { copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/database/data-source';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { systemClock } from '../../src/engine/procedure-engine';
import { checkpointHash, FIRST_PREV_HASH, signedBytes, type Checkpoint, type UnsignedCheckpoint } from '../../src/checkpoints/checkpoint';
import { generateSigningKey, type SigningKey } from '../../src/checkpoints/checkpoint-keys';
import { CheckpointMaker } from '../../src/checkpoints/checkpoint-maker';
import { insertCheckpoint, insertLeaves, type StoredLeaf } from '../../src/checkpoints/checkpoint-store';
import { CheckpointVerifier, checkKeptList } from '../../src/checkpoints/checkpoint-verifier';
import { leafHash, MerkleLevels } from '../../src/checkpoints/merkle';
import { removeDb, round, tmpDbPath, type Bench, type BenchFigure, type BenchOptions } from './harness';
import { seedLarge } from './seed-large';

const DECISIONS = Number(process.env.P7_DECISIONS ?? 100_000);
const DAYS = Number(process.env.P7_DAYS ?? 365);
const MAKE_LIMIT_S = 2;

const seconds = (ms: number) => round(ms / 1000);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/** The year's daily checkpoints, made from the stored rows' hashes; returns them, oldest first. */
async function makeYear(runner: TransactionRunner, key: SigningKey, log: (m: string) => void): Promise<{ list: Checkpoint[]; leafRows: number }> {
  const rows = await runner.read((tx) => tx.values('SELECT decision_id, seq, hash FROM procedure_record ORDER BY decision_id, seq'));
  const chains = new Map<string, string[]>();
  for (const [id, , hash] of rows) {
    let c = chains.get(id as string);
    if (!c) chains.set(id as string, (c = []));
    c.push(hash as string);
  }
  const ids = [...chains.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const covered = new Array<number>(ids.length).fill(0);
  const hashes = new Array<Buffer>(ids.length);
  const tree = new MerkleLevels();
  const list: Checkpoint[] = [];
  let leafRows = 0;
  const start = Date.parse('2026-01-01T16:00:00Z');
  for (let day = 0; day < DAYS; day++) {
    const changes: StoredLeaf[] = [];
    const dirty: number[] = [];
    let events = 0;
    ids.forEach((id, i) => {
      const chain = chains.get(id) as string[];
      const seq = Math.max(1, Math.ceil((chain.length * (day + 1)) / DAYS));
      events += seq;
      if (seq === covered[i]) return;
      covered[i] = seq;
      const leaf = { decisionId: id, seq, hash: chain[seq - 1] };
      hashes[i] = leafHash(leaf);
      dirty.push(i);
      changes.push(leaf);
    });
    const root = tree.update(hashes, dirty, day === 0 ? 0 : ids.length).toString('hex');
    const prev = list[list.length - 1];
    const unsigned: UnsignedCheckpoint = {
      seq: day + 1,
      at: new Date(start + day * 86_400_000).toISOString(),
      decisions: ids.length,
      events,
      root,
      prevCheckpointHash: prev ? checkpointHash(prev) : FIRST_PREV_HASH,
      keyId: key.keyId,
    };
    const checkpoint = { ...unsigned, signature: key.sign(signedBytes(unsigned)).toString('base64') };
    await runner.write(async (tx) => {
      await insertCheckpoint(tx, checkpoint);
      await insertLeaves(tx, checkpoint.seq, changes);
    });
    list.push(checkpoint);
    leafRows += changes.length;
    if ((day + 1) % 60 === 0) log(`P7: ${day + 1} daily checkpoints made, ${leafRows.toLocaleString('en-US')} leaves stored`);
  }
  return { list, leafRows };
}

export const p7Bench: Bench = {
  id: 'P7',
  async run(opts: BenchOptions): Promise<BenchFigure[]> {
    const figures: BenchFigure[] = [];
    const seedPath = tmpDbPath('p7');
    const yearPath = tmpDbPath('p7-year');
    try {
      opts.log(`P7: seeding ${DECISIONS.toLocaleString('en-US')} decisions`);
      const seeded = await seedLarge(seedPath, { decisions: DECISIONS, violations: 0 });
      opts.log(`P7: seeded ${seeded.records.toLocaleString('en-US')} record rows in ${(seeded.ms / 1000).toFixed(1)} s`);
      copyFileSync(seedPath, yearPath);
      const key = generateSigningKey('ed25519').key;

      const ds = await openDatabase({ type: 'better-sqlite3', path: seedPath, synchronous: 'FULL' });
      try {
        const runner = TransactionRunner.for(ds);
        const first = await timed(() => new CheckpointMaker(runner, key, systemClock()).make());
        // A service just started: the last checkpoint's tree is read back from the stored leaves.
        const restarted = await timed(() => new CheckpointMaker(runner, key, systemClock()).make());
        for (const [what, r] of [
          ['first checkpoint over every decision, every leaf stored', first],
          ['a checkpoint by a service just started (tree read back from the stored leaves), no head moved', restarted],
        ] as const) {
          figures.push({
            id: 'P7',
            metric: 'make',
            what,
            ours: seconds(r.ms),
            reference: MAKE_LIMIT_S,
            ratio: round(r.ms / 1000 / MAKE_LIMIT_S),
            unit: 's',
            target: `<= 1 (<= ${MAKE_LIMIT_S} s)`,
            decisions: r.result.made ? r.result.checkpoint.decisions : null,
            events: r.result.made ? r.result.checkpoint.events : null,
          });
        }
      } finally {
        await ds.destroy();
      }

      const year = await openDatabase({ type: 'better-sqlite3', path: yearPath, synchronous: 'FULL' });
      try {
        const runner = TransactionRunner.for(year);
        const made = await timed(() => makeYear(runner, key, opts.log));
        opts.log(`P7: ${DAYS} daily checkpoints made in ${(made.ms / 1000).toFixed(1)} s`);
        const { list, leafRows } = made.result;
        const verifier = new CheckpointVerifier(runner);
        const all = await timed(async () => {
          const problems = checkKeptList(list, [key]);
          if (problems.length) throw new Error(problems[0].message);
          return verifier.verify(list);
        });
        const last = await timed(() => verifier.verify([list[list.length - 1]]));
        for (const [what, r, n] of [
          [`a year of daily checkpoints (${DAYS}) against the database`, all, list.length],
          ['the last checkpoint alone, for comparison', last, 1],
        ] as const) {
          figures.push({
            id: 'P7',
            metric: 'verify',
            what,
            ours: seconds(r.ms),
            reference: null,
            ratio: null,
            unit: 's',
            target: 'a figure (no target)',
            checkpoints: n,
            decisions: r.result.decisions,
            rowsHashed: r.result.events,
            leafRows,
            ok: r.result.ok,
            mismatches: r.result.mismatches.length,
          });
        }
      } finally {
        await year.destroy();
      }
    } finally {
      removeDb(seedPath);
      removeDb(yearPath);
    }
    return figures;
  },
};
