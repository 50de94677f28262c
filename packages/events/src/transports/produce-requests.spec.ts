import { splitIntoRequests } from './produce-requests';

describe('splitIntoRequests', () => {
  const limits = { maxPartitionBytes: 100, maxRequestBytes: 250 };
  const route = (item: { p: string; bytes: number }) => ({ partition: item.p, bytes: item.bytes });
  const items = (spec: string) => spec.split(' ').map((s, i) => ({ p: s[0], bytes: Number(s.slice(1)), i }));
  const indices = (requests: { i: number }[][]) => requests.map((r) => r.map((x) => x.i));

  it('bounds what each partition gets in a request, not the request as a whole', () => {
    // Two partitions of 60 + 40 bytes each: 200 bytes in all, twice what one partition may take, in one request.
    const spread = items('a60 b60 a40 b40');
    expect(indices(splitIntoRequests(spread, route, limits))).toEqual([[0, 1, 2, 3]]);
    // One partition: cut before the item that takes it past 100.
    expect(indices(splitIntoRequests(items('a60 a40 a10 a90 a20'), route, limits))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('bounds the whole request too, and keeps the order', () => {
    const many = items('a90 b90 c90 d90 a10');
    expect(indices(splitIntoRequests(many, route, limits))).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('sends an item larger than a limit alone, and nothing is dropped', () => {
    const big = items('a10 a500 b10');
    expect(indices(splitIntoRequests(big, route, limits))).toEqual([[0], [1], [2]]);
    expect(splitIntoRequests([], route, limits)).toEqual([]);
  });
});
