import { BatchGroups } from './batch-groups';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BatchGroups (group commit of partition batches)', () => {
  it('hands batches that arrive together to one call, in arrival order, and settles each after it', async () => {
    const calls: string[][] = [];
    const groups = new BatchGroups<string>(
      async (items) => {
        calls.push(items);
      },
      { maxEvents: 100, lingerMs: 5, maxConcurrent: 1 },
    );
    const outcomes = await Promise.all([groups.add(['p0-a', 'p0-b']), groups.add(['p1-a']), groups.add(['p2-a', 'p2-b'])]);
    expect(calls).toEqual([['p0-a', 'p0-b', 'p1-a', 'p2-a', 'p2-b']]);
    expect(outcomes).toEqual([{ handled: true }, { handled: true }, { handled: true }]);
  });

  it('never splits a batch and never exceeds maxEvents with more than one batch', async () => {
    const calls: string[][] = [];
    const groups = new BatchGroups<string>(
      async (items) => {
        calls.push(items);
      },
      { maxEvents: 3, lingerMs: 5, maxConcurrent: 1 },
    );
    await Promise.all([groups.add(['a1', 'a2']), groups.add(['b1', 'b2']), groups.add(['c1']), groups.add(['d1', 'd2', 'd3', 'd4'])]);
    expect(calls).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2', 'c1'],
      ['d1', 'd2', 'd3', 'd4'],
    ]);
  });

  it('while a group is handled, what arrives waits and goes together in the next group', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const groups = new BatchGroups<string>(
      async (items) => {
        calls.push(items);
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      { maxEvents: 100, lingerMs: 1, maxConcurrent: 1 },
    );
    const first = groups.add(['first']);
    await tick(10); // the first group is being handled
    const later = [groups.add(['x']), groups.add(['y'])];
    await tick(10);
    expect(calls).toEqual([['first']]); // nothing else started meanwhile
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([['first'], ['x', 'y']]);
  });

  it('settles every batch of a failed group as not handled, saying whether it was alone', async () => {
    const groups = new BatchGroups<string>(
      async (items) => {
        if (items.includes('poison')) throw new Error('cannot handle');
      },
      { maxEvents: 100, lingerMs: 5, maxConcurrent: 1 },
    );
    const together = await Promise.all([groups.add(['ok']), groups.add(['poison'])]);
    expect(together).toEqual([
      { handled: false, alone: false },
      { handled: false, alone: false },
    ]);
    await expect(groups.add(['poison'])).resolves.toEqual({ handled: false, alone: true });
    await expect(groups.add(['ok'])).resolves.toEqual({ handled: true });
  });
});
