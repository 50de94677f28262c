import { Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { tableMessages as m } from './messages';

/** Items rendered while the scrolling box has no height yet (hidden panel; no layout engine). */
const UNLAID_ITEMS = 12;

/**
 * A list of cards of different heights (each measured) that renders only those in view, in a
 * scrolling box, as `VirtualTable` does for rows: `role="list"`, each item with its
 * `aria-posinset` of `aria-setsize` (every item the server has), and the next page asked for
 * near the end of what is loaded.
 */
export function VirtualList({
  label,
  itemCount,
  totalCount,
  estimateItemHeight,
  renderItem,
  itemKey,
  hasNextPage,
  loadingMore,
  onLoadMore,
  maxHeight = 720,
}: {
  label: string;
  itemCount: number;
  totalCount: number;
  estimateItemHeight: number;
  renderItem: (index: number) => ReactNode;
  itemKey: (index: number) => string;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  maxHeight?: number;
}) {
  const intl = useIntl();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser's functions change with every scroll: this component is not memoised (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: itemCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateItemHeight,
    overscan: 3,
  });
  const measured = virtualizer.getVirtualItems();
  const items =
    measured.length || !itemCount
      ? measured.map((i) => ({ index: i.index, start: i.start }))
      : Array.from({ length: Math.min(itemCount, UNLAID_ITEMS) }, (_, index) => ({ index, start: index * estimateItemHeight }));
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !loadingMore && last >= itemCount - 4) onLoadMore();
  }, [hasNextPage, loadingMore, last, itemCount, onLoadMore]);
  return (
    <>
      <div
        ref={scroller}
        className="virtual-list-scroller"
        style={{ maxHeight, overflow: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={intl.formatMessage(m.scrollableTable, { label })}
      >
        <div role="list" aria-label={label} style={{ height: Math.max(virtualizer.getTotalSize(), 1), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={itemKey(item.index)}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={totalCount}
              data-index={item.index}
              ref={measured.length ? virtualizer.measureElement : undefined}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, paddingBottom: 12 }}
            >
              {renderItem(item.index)}
            </div>
          ))}
        </div>
      </div>
      <Group justify="space-between" mt="xs" px="xs" aria-live="polite">
        <Text size="xs" c="dimmed">
          {intl.formatMessage(m.itemsLoaded, { loaded: itemCount, total: totalCount })}
        </Text>
        {loadingMore && <Loader size="xs" aria-label={intl.formatMessage(m.loadingMoreRows)} />}
      </Group>
    </>
  );
}
