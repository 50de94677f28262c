import { Table } from '@mantine/core';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithTheme } from '../test/render';
import { VirtualTable } from './VirtualTable';

/** jsdom lays nothing out: give the scrolling box a height so the virtualiser has a window to fill. */
const VIEWPORT = 400;
let restore: () => void;
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('virtual-table-scroller') ? VIEWPORT : 0;
    },
  });
  restore = () => delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight; // Element's again
});
afterEach(() => restore());

/** A list of `total` people served `page` at a time, as a paged query would. */
function People({ total, page, asked, counted = true }: { total: number; page: number; asked: number[]; counted?: boolean }) {
  const [loaded, setLoaded] = useState(page);
  const [loading, setLoading] = useState(false);
  return (
    <VirtualTable
      label="People"
      rowCount={loaded}
      totalCount={counted ? total : null}
      estimateRowHeight={40}
      columnCount={2}
      hasNextPage={loaded < total}
      loadingMore={loading}
      onLoadMore={() => {
        asked.push(loaded);
        setLoading(true);
        setTimeout(() => {
          setLoaded((n) => Math.min(total, n + page));
          setLoading(false);
        }, 0);
      }}
      header={
        <Table.Tr aria-rowindex={1}>
          <Table.Th>Name</Table.Th>
          <Table.Th>Action</Table.Th>
        </Table.Tr>
      }
      renderRow={(i, rowProps) => (
        <Table.Tr key={i} {...rowProps}>
          <Table.Td>Person {i + 1}</Table.Td>
          <Table.Td>
            <button type="button">Open {i + 1}</button>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'People' }))
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('VirtualTable', () => {
  it('renders only the rows in view (and a few either side), each with its place in the whole list', () => {
    const asked: number[] = [];
    renderWithTheme(<People total={5000} page={100} asked={asked} />);
    const table = screen.getByRole('table', { name: 'People' });
    expect(table).toHaveAttribute('aria-rowcount', '5001'); // every row the server has, and the header
    const rows = bodyRows();
    // 400 px of 40 px rows: 10 in view, and the overscan after them; never the 100 loaded.
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThan(25);
    expect(rows.map((r) => r.getAttribute('aria-rowindex')).slice(0, 3)).toEqual(['2', '3', '4']);
    expect(screen.queryByText('Person 50')).toBeNull();
    expect(asked).toEqual([]); // far from the end of what is loaded
    expect(screen.getByRole('region', { name: 'People, scrollable' })).toHaveAttribute('tabindex', '0');
  });

  it('renders the rows scrolled to, and fetches the next page when the end of the loaded rows comes into view', async () => {
    const asked: number[] = [];
    renderWithTheme(<People total={5000} page={100} asked={asked} />);
    const scroller = screen.getByRole('region', { name: 'People, scrollable' });
    await act(async () => {
      scroller.scrollTop = 40 * 50;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('Person 51')).toBeInTheDocument();
    expect(screen.queryByText('Person 1')).toBeNull();
    expect(screen.getByText('Person 51').closest('tr')).toHaveAttribute('aria-rowindex', '52');
    expect(asked).toEqual([]);
    await act(async () => {
      scroller.scrollTop = 40 * 92;
      fireEvent.scroll(scroller);
    });
    expect(asked).toEqual([100]); // the next page, once
    expect(await screen.findByText('200 of 5,000 rows loaded')).toBeInTheDocument();
    await act(async () => {
      scroller.scrollTop = 40 * 150;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('Person 151')).toBeInTheDocument();
  });

  it('says the total is not known yet for a list that is not counted, until its last page is loaded', async () => {
    const asked: number[] = [];
    renderWithTheme(<People total={150} page={100} asked={asked} counted={false} />);
    const table = screen.getByRole('table', { name: 'People' });
    expect(table).toHaveAttribute('aria-rowcount', '-1'); // unknown, as ARIA says it
    expect(screen.getByText('100 rows loaded, more as you scroll')).toBeInTheDocument();
    const scroller = screen.getByRole('region', { name: 'People, scrollable' });
    await act(async () => {
      scroller.scrollTop = 40 * 92;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('150 of 150 rows loaded')).toBeInTheDocument();
    expect(asked).toEqual([100]);
    expect(table).toHaveAttribute('aria-rowcount', '151');
  });

  it('keeps a focused row rendered when it is scrolled away, so the keyboard focus is not lost', async () => {
    renderWithTheme(<People total={300} page={300} asked={[]} />);
    const button = screen.getByRole('button', { name: 'Open 2' });
    button.focus();
    const scroller = screen.getByRole('region', { name: 'People, scrollable' });
    await act(async () => {
      scroller.scrollTop = 40 * 200;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('Person 201')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open 2' })).toHaveFocus();
  });
});
