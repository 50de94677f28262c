import { Group, Loader, Table, Text, type TableProps } from '@mantine/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { tableMessages as m } from './messages';

/** Rows rendered while the scrolling box has no height yet. */
const UNLAID_ROWS = 30;

/** What a row needs to keep its place in the whole list for assistive technology. */
export interface VirtualRowProps {
  'aria-rowindex': number;
  'data-index': number;
  ref?: (element: HTMLTableRowElement | null) => void;
}

/**
 * A table whose body renders only the rows in view (and a few either side), in a scrolling box,
 * with the rows of the whole list announced: `aria-rowcount` is every row the server has (the
 * header included; -1 while a list that is not counted has more pages) and each rendered row
 * carries its `aria-rowindex`. When the user scrolls near
 * the end of what is loaded, `onLoadMore` asks for the next page. The scrolling box takes the
 * keyboard focus (arrows, Page Up/Down scroll it), and a row that holds the focus stays rendered
 * while it is scrolled away, so focus is never lost.
 */
export function VirtualTable({
  label,
  rowCount,
  totalCount,
  estimateRowHeight,
  measureRows = false,
  header,
  columnCount,
  headerRows = 1,
  renderRow,
  hasNextPage,
  loadingMore,
  onLoadMore,
  maxHeight = 520,
  minWidth,
  tableProps,
}: {
  /** The table's accessible name (the scrolling box is named after it). */
  label: string;
  /** Rows loaded so far. */
  rowCount: number;
  /** Rows the server has for this filter, over all pages; null when the list is not counted (known once its last page is loaded). */
  totalCount: number | null;
  estimateRowHeight: number;
  /** Measure each rendered row (rows of different heights); otherwise every row is `estimateRowHeight` tall. */
  measureRows?: boolean;
  header: ReactNode;
  /** Columns of a row (the spacer rows span them). */
  columnCount: number;
  headerRows?: number;
  /** One `<tr>` for the loaded row at `index`, spreading `rowProps` onto it. */
  renderRow: (index: number, rowProps: VirtualRowProps) => ReactNode;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  maxHeight?: number;
  minWidth?: number;
  tableProps?: Omit<TableProps, 'children'>;
}) {
  const intl = useIntl();
  const scroller = useRef<HTMLDivElement>(null);
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep == null || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);
  // The virtualiser's functions change with every scroll: this component is not memoised (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateRowHeight,
    overscan: 6,
    rangeExtractor,
  });
  const measured = virtualizer.getVirtualItems();
  // A box not laid out (in a hidden panel; no layout engine) has no window to fill: the first rows.
  const items =
    measured.length || !rowCount
      ? measured
      : Array.from({ length: Math.min(rowCount, UNLAID_ROWS) }, (_, index) => ({
          index,
          start: index * estimateRowHeight,
          end: (index + 1) * estimateRowHeight,
        }));
  const last = items[items.length - 1]?.index ?? -1;
  // Not counted: the rows loaded are all there is once no page follows; until then, unknown (-1 for assistive technology).
  const total = totalCount ?? (hasNextPage ? null : rowCount);
  // Near the end of what is loaded: ask for the next page (once at a time).
  useEffect(() => {
    if (hasNextPage && !loadingMore && last >= rowCount - 10) onLoadMore();
  }, [hasNextPage, loadingMore, last, rowCount, onLoadMore]);

  // Rows not rendered are stood in for by two spacer rows, so the scroll height is the whole list's.
  const rendered = items.filter((item, i) => i === 0 || item.index !== items[i - 1].index);
  const before = rendered.length ? rendered[0].start : 0;
  const after = rendered.length ? Math.max(0, virtualizer.getTotalSize() - rendered[rendered.length - 1].end) : 0;
  return (
    <>
      <div
        ref={scroller}
        className="virtual-table-scroller"
        style={{ maxHeight, overflow: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={intl.formatMessage(m.scrollableTable, { label })}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest('tr[data-index]');
          focused.current = row ? Number(row.getAttribute('data-index')) : focused.current;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) focused.current = null;
        }}
      >
        <Table stickyHeader aria-label={label} aria-rowcount={total == null ? -1 : total + headerRows} miw={minWidth} {...tableProps}>
          <Table.Thead>{header}</Table.Thead>
          <Table.Tbody>
            {before > 0 && (
              <tr aria-hidden className="virtual-spacer" style={{ height: before }}>
                <td colSpan={columnCount} />
              </tr>
            )}
            {rendered.map((item) =>
              renderRow(item.index, {
                'aria-rowindex': item.index + headerRows + 1,
                'data-index': item.index,
                ref: measureRows ? virtualizer.measureElement : undefined,
              }),
            )}
            {after > 0 && (
              <tr aria-hidden className="virtual-spacer" style={{ height: after }}>
                <td colSpan={columnCount} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" mt="xs" px="xs" aria-live="polite">
        <Text size="xs" c="dimmed">
          {total == null
            ? intl.formatMessage(m.rowsLoadedSoFar, { loaded: rowCount })
            : intl.formatMessage(m.rowsLoaded, { loaded: rowCount, total })}
        </Text>
        {loadingMore && <Loader size="xs" aria-label={intl.formatMessage(m.loadingMoreRows)} />}
      </Group>
    </>
  );
}
