import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InputError } from './errors';
import { isUuid } from './ids';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType({ description: 'Where a page ends: pass endCursor as `after` to read the next page.' })
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

/** The largest page a client may ask for. */
export const MAX_PAGE = 500;

/** A page request as the repositories take it; `first` null means every row (the unpaged form). */
export interface PageRequest<K extends string> {
  first: number | null;
  after: PageCursor | null;
  sort: K;
  direction: SortDirection;
}

/** One sort column's value in a cursor. */
export type CursorValue = string | number | null;

/**
 * Keyset position: the sort key's value and the id of the last row shown (ties broken by id). A
 * sort on several columns (a nomination's subject, group and rater) keeps their values in order.
 */
export interface PageCursor {
  key: CursorValue | CursorValue[];
  id: string;
}

const isCursorValue = (v: unknown): v is CursorValue => v === null || typeof v === 'string' || typeof v === 'number';

/** Opaque cursors carry the sort they were made under, so a cursor from another sort is refused. */
export function encodeCursor(sort: string, direction: SortDirection, cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([sort, direction, cursor.key, cursor.id])).toString('base64url');
}

export function pageRequest<K extends string>(
  first: number | null | undefined,
  after: string | null | undefined,
  sort: K,
  direction: SortDirection,
): PageRequest<K> {
  if (first != null && (first < 1 || first > MAX_PAGE))
    throw new InputError([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}`, code: 'pageSize', values: { max: MAX_PAGE } }]);
  let cursor: PageCursor | null = null;
  if (after) {
    try {
      const [s, d, key, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [string, string, unknown, unknown];
      if (s !== sort || d !== (direction as string) || typeof id !== 'string' || !isUuid(id)) throw new Error('other sort');
      if (!isCursorValue(key) && !(Array.isArray(key) && key.every(isCursorValue))) throw new Error('not a key');
      cursor = { key, id };
    } catch {
      throw new InputError([
        { field: 'after', message: 'is not a cursor of this list in this sort order (start again without it)', code: 'staleCursor' },
      ]);
    }
  }
  return { first: first ?? null, after: cursor, sort, direction };
}

/** Cuts the extra row a repository read (first + 1) into a page and its PageInfo. */
export function toPage<T>(rows: T[], request: PageRequest<string>, cursorOf: (row: T) => PageCursor): { nodes: T[]; pageInfo: PageInfo } {
  const more = request.first != null && rows.length > request.first;
  const nodes = more ? rows.slice(0, request.first!) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: more, endCursor: last ? encodeCursor(request.sort, request.direction, cursorOf(last)) : null } };
}

/** A `LIKE … ESCAPE '\'` pattern for a part of a text, lower-cased, with `%`, `_` and `\` taken literally. */
export function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The lists' search over people: a case-insensitive part of the name or e-mail (`%`, `_` and `\`
 * taken literally), or the exact employee id, of any of the people joined as `aliases`. Pushes its
 * two parameters onto `params` and returns the SQL condition.
 */
export function personSearch(params: unknown[], search: string, aliases: string[]): string {
  params.push(containsPattern(search), search);
  const [like, exact] = [`$${params.length - 1}`, `$${params.length}`];
  return `(${aliases.map((p) => `lower(${p}.name) LIKE ${like} OR lower(coalesce(${p}.email, '')) LIKE ${like} OR ${p}.employee_id = ${exact}`).join(' OR ')})`;
}
