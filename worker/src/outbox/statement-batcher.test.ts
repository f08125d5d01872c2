import { StatementBatcher } from './statement-batcher.js';

describe('StatementBatcher', () => {
  it('runs one statement for the items added in the same turn, each getting its own result', async () => {
    const calls: number[][] = [];
    const batcher = new StatementBatcher(async (items: number[]) => {
      calls.push(items);
      return items.map((i) => i * 10);
    });
    const results = await Promise.all([1, 2, 3].map((i) => batcher.add(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('gathers what comes in while a statement runs into the next one, never two at once', async () => {
    const calls: number[][] = [];
    let running = 0;
    let release: () => void = () => undefined;
    const batcher = new StatementBatcher(async (items: number[]) => {
      running++;
      expect(running).toBe(1);
      calls.push(items);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
      return items;
    });
    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((i) => batcher.add(i));
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it("rejects every item of a failed statement, and the next statement's items still get theirs", async () => {
    let fail = true;
    const batcher = new StatementBatcher(async (items: string[]) => {
      if (fail) throw new Error('statement failed');
      return items;
    });
    const failed = await Promise.allSettled([batcher.add('a'), batcher.add('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.add('c')).resolves.toBe('c');
  });
});
