import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError, parseId } from './errors';

export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, ${DEFAULT_PAGE_SIZE} by default; at most the hub's maximum (100 unless configured)` })
  first?: number;

  @Field({ nullable: true, description: 'The `endCursor` of the previous page' })
  after?: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** Counts all matches; runs only when `totalCount` is asked for. */
  count: () => Promise<number>;
}

/** `XConnection` and `XEdge` types for a node type (cursor pagination, Relay style). */
export function Connection<T extends object>(Node: ClassType<T>) {
  const name = Node.name;

  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items` })
  class ConnectionType implements Page<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}

/** Opaque cursors over ids, shared by every keyset-paginated list. */
export const encodeCursor = (id: number | string) => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string, column: 'int' | 'bigint'): string {
  const m = /^id:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw BadInputError.field('after', 'not a cursor this hub issued');
  return parseId('after', m[1], column);
}

export function pageSize(args: PageArgs, max: number): number {
  const first = args.first ?? Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) throw BadInputError.field('first', `must be from 1 to ${max}`);
  return first;
}

/** Keyset pagination in id order: one statement per page, plus one for `totalCount` when asked. */
export async function paginate<T extends { id: number | string }>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  maxPageSize: number,
  Shape: ClassType<Page<T>>,
): Promise<Page<T>> {
  const first = pageSize(args, maxPageSize);
  const column = em.getMetadata().find(entity.name)?.properties.id?.type === 'bigint' ? 'bigint' : 'int';
  const afterId = args.after ? decodeCursor(args.after, column) : undefined;
  const pageWhere = (afterId === undefined ? where : { $and: [where, { id: { $gt: afterId } }] }) as FilterQuery<T>;
  const rows = await em.find(entity, pageWhere, { orderBy: { id: 'asc' } as never, limit: first + 1 });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return Object.assign(new Shape(), {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    count: () => em.count(entity, where),
  });
}

/**
 * The same keyset pagination over a list already in memory (in id order), with the same cursors:
 * for data the hub keeps in memory, such as the region directory.
 */
export function pageOfList<T extends { id: number }>(sorted: readonly T[], args: PageArgs, maxPageSize: number, Shape: ClassType<Page<T>>): Page<T> {
  const first = pageSize(args, maxPageSize);
  const afterId = args.after ? Number(decodeCursor(args.after, 'int')) : undefined;
  const start = afterId === undefined ? 0 : sorted.findIndex((x) => x.id > afterId);
  const nodes = start < 0 ? [] : sorted.slice(start, start + first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return Object.assign(new Shape(), {
    nodes,
    edges,
    pageInfo: { hasNextPage: start >= 0 && start + first < sorted.length, endCursor: edges.at(-1)?.cursor ?? null },
    count: async () => sorted.length,
  });
}
