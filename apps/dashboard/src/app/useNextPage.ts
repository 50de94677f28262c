import { useCallback, useRef, useState } from 'react';

/**
 * Fetches the page after `pageInfo.endCursor` on request, one at a time (the cache's field policy
 * appends it: `cursorPaged` in apollo.ts). A failed page is not asked for again by itself: the
 * error is kept for the screen to show, with `retry`.
 */
export function useNextPage(
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
  pageInfo: { endCursor: string | null; hasNextPage: boolean } | undefined,
  /** What tells this list from another (its cycle, filter and sort): two lists may share a cursor. */
  listKey: string,
) {
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The page being fetched or fetched last: asked for again before the list shows it (the cache
  // answers a tick later), it is not fetched twice. Forgotten when it failed, so it can be retried.
  const asked = useRef<string | null>(null);
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  const fetchNext = useCallback(() => {
    const page = `${listKey}|${after}`;
    if (!after || asked.current === page) return;
    asked.current = page;
    setLoadingMore(true);
    setError(null);
    fetchMore({ variables: { after } })
      .catch((e: unknown) => {
        asked.current = null;
        setError(e);
      })
      .finally(() => setLoadingMore(false));
  }, [after, fetchMore, listKey]);
  const loadMore = useCallback(() => {
    if (!error) fetchNext();
  }, [error, fetchNext]);
  return { loadingMore, loadMore, error, retry: fetchNext, hasNextPage: after != null };
}
