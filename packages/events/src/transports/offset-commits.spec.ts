import { byTopic, OffsetCommits, PartitionOffset } from './offset-commits';

describe('OffsetCommits', () => {
  it('commits the next offset after the last handled one, once, and nothing when nothing new was handled', async () => {
    const offsets = new OffsetCommits();
    const commits: PartitionOffset[][] = [];
    const via = async (o: PartitionOffset[]) => void commits.push(o);
    offsets.handledUpTo('t', 0, '41');
    offsets.handledUpTo('t', 0, '9007199254740993'); // beyond a double's exact integers
    offsets.handledUpTo('t', 2, '0');
    await offsets.commit(via);
    await offsets.commit(via);
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '9007199254740994' },
        { topic: 't', partition: 2, offset: '1' },
      ],
    ]);
    offsets.handledUpTo('t', 2, '1');
    await offsets.commit(via);
    expect(commits[1]).toEqual([{ topic: 't', partition: 2, offset: '2' }]);
  });

  it('keeps a refused commit pending for the next, and runs commits one at a time', async () => {
    const offsets = new OffsetCommits();
    offsets.handledUpTo('t', 1, '5');
    await expect(
      offsets.commit(async () => {
        throw new Error('REBALANCE_IN_PROGRESS');
      }),
    ).rejects.toThrow('REBALANCE_IN_PROGRESS');
    expect(offsets.pending()).toEqual([{ topic: 't', partition: 1, offset: '6' }]);

    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
    };
    await Promise.all([offsets.commit(slow), offsets.commit(slow)]);
    expect(most).toBe(1);
    expect(offsets.pending()).toEqual([]);
  });

  it('forgets, after a rebalance, the partitions this member no longer holds', () => {
    const offsets = new OffsetCommits();
    offsets.handledUpTo('a', 0, '1');
    offsets.handledUpTo('a', 1, '1');
    offsets.handledUpTo('b', 0, '1');
    offsets.keepOnly({ a: [1] });
    expect(offsets.pending()).toEqual([{ topic: 'a', partition: 1, offset: '2' }]);
  });

  it('groups offsets by topic in the shape of a batch commit', () => {
    expect(
      byTopic([
        { topic: 'a', partition: 0, offset: '3' },
        { topic: 'b', partition: 1, offset: '4' },
        { topic: 'a', partition: 2, offset: '5' },
      ]),
    ).toEqual({
      topics: [
        {
          topic: 'a',
          partitions: [
            { partition: 0, offset: '3' },
            { partition: 2, offset: '5' },
          ],
        },
        { topic: 'b', partitions: [{ partition: 1, offset: '4' }] },
      ],
    });
  });
});
