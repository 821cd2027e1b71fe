import { sqliteTestDatabase } from '../../test/support/databases';
import { TransactionRunner } from './transaction-runner';

describe('TransactionRunner on SQLite (group commit)', () => {
  let db: Awaited<ReturnType<typeof sqliteTestDatabase>>;
  let runner: TransactionRunner;

  beforeEach(async () => {
    db = await sqliteTestDatabase();
    runner = TransactionRunner.for(db.dataSource);
    await runner.write((tx) => tx.execute('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)'));
  });
  afterEach(async () => {
    await runner.close();
    await db.drop();
  });

  const bodies = async (): Promise<string[]> =>
    (await runner.read((tx) => tx.query<{ body: string }>('SELECT body FROM note ORDER BY id'))).map((r) => r.body);

  it('commits concurrent units together, and a failing unit leaves none of its rows while the others commit', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        runner.write(async (tx) => {
          await tx.execute('INSERT INTO note (body) VALUES (?)', [`a${i}`]);
          await tx.execute('INSERT INTO note (body) VALUES (?)', [`b${i}`]);
          if (i % 3 === 0) throw new Error(`unit ${i} fails after its inserts`);
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? 'rejected' : 'fulfilled')));
    expect((results[3] as PromiseRejectedResult).reason).toEqual(new Error('unit 3 fails after its inserts'));
    const kept = [1, 2, 4, 5, 7, 8];
    expect((await bodies()).sort()).toEqual([...kept.map((i) => `a${i}`), ...kept.map((i) => `b${i}`)].sort());
  });

  it('keeps a constraint error to its own unit', async () => {
    await runner.write((tx) => tx.execute('INSERT INTO note (body) VALUES (?)', ['taken']));
    const [dup, ok] = await Promise.allSettled([
      runner.write((tx) => tx.execute('INSERT INTO note (body) VALUES (?)', ['taken'])),
      runner.write((tx) => tx.execute('INSERT INTO note (body) VALUES (?)', ['free'])),
    ]);
    expect(dup).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }) });
    expect(ok).toEqual({ status: 'fulfilled', value: 1 });
    expect(await bodies()).toEqual(['taken', 'free']);
  });

  it('lets a later unit of the same batch see an earlier one, in the order they were asked for', async () => {
    const [, seen] = await Promise.all([
      runner.write((tx) => tx.execute('INSERT INTO note (body) VALUES (?)', ['first'])),
      runner.write((tx) => tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM note')),
    ]);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('rolls back a lone failing unit', async () => {
    await expect(
      runner.write(async (tx) => {
        await tx.execute('INSERT INTO note (body) VALUES (?)', ['gone']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await bodies()).toEqual([]);
    await runner.write((tx) => tx.execute('INSERT INTO note (body) VALUES (?)', ['after']));
    expect(await bodies()).toEqual(['after']);
  });
});
