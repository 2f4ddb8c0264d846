import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { Kind, parse, print, visit, type ASTNode } from 'graphql';
import { ErrorCode, PolError } from '../common/errors';
import { repoRoot } from '../common/paths';
// Only used when the loader runs, so the import cycle with config.ts is harmless.
import { ConfigError } from '../config';
import type { AgencyKind } from '../modules/agency/agency.entity';
import type { Role } from '../modules/person/membership.entity';
import type { HubExtension } from './extension';
import type { HubDeps } from './app';
import type { Context, PolRequestLocals } from './context';

/** Trusted (persisted) documents, from the environment. */
export interface TrustedDocumentsConfig {
  /** The manifest of trusted documents ("sha256:<hex>" → text), written by `npm run codegen`. */
  manifestPath: string;
  /** Callers acting in these roles may run only trusted documents. */
  onlyRoles: Role[];
  /** Callers acting for agencies of these kinds may run only trusted documents. */
  onlyAgencyKinds: AgencyKind[];
}

export const DEFAULT_MANIFEST = path.join(repoRoot, 'schema', 'client', 'persisted-documents.json');

const ROLES: Record<Role, true> = { ADMIN: true, DIRECTOR: true, ANALYST: true, DATA_STEWARD: true, MEMBER: true };
const AGENCY_KINDS: Record<AgencyKind, true> = {
  PROVINCIAL_GOVERNORATE: true, COUNTY_GOVERNORATE: true, CITY_COUNCIL: true, VILLAGE_COUNCIL: true,
  NGO: true, CULTURAL_CENTER: true, UNIVERSITY: true, STATE_BODY: true,
};

function nameList<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: Record<T, true>): T[] {
  const items = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((s) => !Object.hasOwn(allowed, s));
  if (unknown.length) {
    throw new ConfigError(`${name} must be a comma-separated list of ${Object.keys(allowed).join(', ')}; unknown: ${unknown.join(', ')}`);
  }
  return [...new Set(items)] as T[];
}

export function loadTrustedDocumentsConfig(env: NodeJS.ProcessEnv): TrustedDocumentsConfig {
  return {
    manifestPath: env.POL_TRUSTED_DOCUMENTS_MANIFEST ? path.resolve(env.POL_TRUSTED_DOCUMENTS_MANIFEST) : DEFAULT_MANIFEST,
    onlyRoles: nameList(env, 'POL_TRUSTED_DOCUMENTS_ONLY', ROLES),
    onlyAgencyKinds: nameList(env, 'POL_TRUSTED_DOCUMENTS_ONLY_KINDS', AGENCY_KINDS),
  };
}

export type TrustedDocumentsErrorCode = 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_MISMATCH' | 'TRUSTED_DOCUMENTS_ONLY' | 'BAD_REQUEST';

/** A refused request; `extensions.code` is one of TrustedDocumentsErrorCode. */
export class TrustedDocumentsError extends PolError {
  constructor(code: TrustedDocumentsErrorCode, message: string, readonly status: number) {
    // These codes belong to this module; ErrorCode lists the hub-wide ones.
    super(code as unknown as ErrorCode, message, {}, status);
  }
}

const HEX = /^(?:sha256:)?([0-9a-f]{64})$/i;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest, checked once at start: every text must parse and hash to its key. */
export class TrustedDocuments {
  private readonly canonical = new Map<string, string>();

  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static fromManifest(manifest: unknown, source = 'the manifest'): TrustedDocuments {
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new Error(`${source} must be a JSON object of "sha256:<hex>": document`);
    const byHash = new Map<string, string>();
    for (const [key, text] of Object.entries(manifest)) {
      const hex = HEX.exec(key)?.[1]?.toLowerCase();
      if (!hex) throw new Error(`${source}: "${key}" is not a sha256 document id`);
      if (typeof text !== 'string' || sha256(text) !== hex) throw new Error(`${source}: the document under ${key} does not hash to its key`);
      parse(text, { noLocation: true });
      byHash.set(hex, text);
    }
    return new TrustedDocuments(byHash);
  }

  static load(file: string): TrustedDocuments {
    try {
      return TrustedDocuments.fromManifest(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    } catch (e) {
      throw new ConfigError(`trusted documents manifest (POL_TRUSTED_DOCUMENTS_MANIFEST) ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The text of a document by its hash: bare hex or "sha256:<hex>". */
  text(id: string): string | undefined {
    const hex = HEX.exec(id)?.[1];
    return hex ? this.byHash.get(hex.toLowerCase()) : undefined;
  }

  /** Whether `text` is the document `hex` up to layout, comments and the order of fields, arguments and variables. */
  matches(hex: string, text: string): boolean {
    const known = this.byHash.get(hex);
    if (known === undefined) return false;
    if (text === known) return true;
    // Texts of one document differ only in layout and order; a far longer one is something else (and not worth parsing).
    if (text.length > Math.max(65_536, known.length * 8)) return false;
    let canonicalKnown = this.canonical.get(hex);
    if (canonicalKnown === undefined) this.canonical.set(hex, (canonicalKnown = canonicalText(known)));
    try {
      return canonicalText(text) === canonicalKnown;
    } catch {
      return false;
    }
  }
}

function byKey<T>(nodes: readonly T[] | undefined, key: (n: T) => string): T[] | undefined {
  return nodes && [...nodes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const named = (n: { name: { value: string } }) => n.name.value;

function selectionKey(n: ASTNode): string {
  if (n.kind === Kind.FIELD) return `f${n.alias?.value ?? n.name.value}:${n.name.value}`;
  if (n.kind === Kind.FRAGMENT_SPREAD) return `s${n.name.value}`;
  if (n.kind === Kind.INLINE_FRAGMENT) return `i${n.typeCondition?.name.value ?? ''}`;
  return '';
}

/** Printed with sorted selections, arguments, variables and definitions (a mutation's root fields keep their order: they run in it). */
function canonicalText(text: string): string {
  const doc = visit(parse(text, { noLocation: true }), {
    Document: { leave: (n) => ({ ...n, definitions: byKey(n.definitions, (d) => `${d.kind}:${'name' in d && d.name ? d.name.value : ''}`)! }) },
    OperationDefinition: { leave: (n) => ({ ...n, variableDefinitions: byKey(n.variableDefinitions, (v) => v.variable.name.value) }) },
    SelectionSet: {
      leave: (n, _key, parent) => {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION && parent.operation === 'mutation') return undefined;
        return { ...n, selections: byKey(n.selections, selectionKey)! };
      },
    },
    Field: { leave: (n) => ({ ...n, arguments: byKey(n.arguments, named) }) },
    Directive: { leave: (n) => ({ ...n, arguments: byKey(n.arguments, named) }) },
    ObjectValue: { leave: (n) => ({ ...n, fields: byKey(n.fields, named)! }) },
  });
  return print(doc);
}

const badRequest = (message: string) => new TrustedDocumentsError('BAD_REQUEST', message, 400);

/** The hash a request names, from `documentId` or `extensions.persistedQuery.sha256Hash` (lower-case hex), if any. */
function requestedHash(params: Record<string, unknown>): string | undefined {
  let fromId: string | undefined;
  let fromApq: string | undefined;
  if (params.documentId !== undefined && params.documentId !== null) {
    const m = typeof params.documentId === 'string' ? /^sha256:([0-9a-f]{64})$/i.exec(params.documentId) : null;
    if (!m) throw badRequest('documentId must be "sha256:" followed by the 64 hex digits of the document\'s hash');
    fromId = m[1].toLowerCase();
  }
  const ext = params.extensions;
  const pq = ext && typeof ext === 'object' ? (ext as Record<string, unknown>).persistedQuery : undefined;
  if (pq !== undefined && pq !== null) {
    const { version, sha256Hash } = pq as { version?: unknown; sha256Hash?: unknown };
    if (typeof pq !== 'object' || (version !== undefined && version !== 1)) throw badRequest('extensions.persistedQuery must be { version: 1, sha256Hash }');
    const m = typeof sha256Hash === 'string' ? HEX.exec(sha256Hash) : null;
    if (!m) throw badRequest('extensions.persistedQuery.sha256Hash must be the 64 hex digits of the document\'s hash');
    fromApq = m[1].toLowerCase();
  }
  if (fromId && fromApq && fromId !== fromApq) throw badRequest('documentId and extensions.persistedQuery.sha256Hash name different documents');
  return fromId ?? fromApq;
}

/**
 * Puts the text of a trusted document named by hash into `params.query` and drops the hash, so
 * Apollo Server's own persisted-query cache is never consulted or filled. Returns the document's
 * id ("sha256:<hex>"), or undefined when the request runs free-form text.
 */
export function resolveTrustedDocument(params: Record<string, unknown>, docs: TrustedDocuments): string | undefined {
  const hex = requestedHash(params);
  if (hex === undefined) return undefined;
  delete params.documentId;
  const ext = params.extensions as Record<string, unknown> | undefined;
  if (ext && typeof ext === 'object' && 'persistedQuery' in ext) {
    delete ext.persistedQuery;
    if (!Object.keys(ext).length) delete params.extensions;
  }
  const known = docs.text(hex);
  const { query } = params;
  if (query === undefined || query === null || query === '') {
    if (known === undefined) {
      throw new TrustedDocumentsError('PERSISTED_QUERY_NOT_FOUND', `no trusted document has the hash sha256:${hex}; the hub runs only the documents in its manifest`, 404);
    }
    params.query = known;
    return `sha256:${hex}`;
  }
  if (typeof query !== 'string') throw badRequest('query must be a string');
  if (known !== undefined && docs.matches(hex, query)) {
    params.query = known;
    return `sha256:${hex}`;
  }
  // A client registering its own text (APQ) sends the text's own hash: that text runs as free-form text.
  if (known === undefined && sha256(query) === hex) return undefined;
  throw new TrustedDocumentsError('PERSISTED_QUERY_MISMATCH', `the query text is not the document with the hash sha256:${hex}`, 400);
}

function hasHash(params: unknown): boolean {
  if (!params || typeof params !== 'object') return false;
  const p = params as Record<string, unknown>;
  const ext = p.extensions;
  return (p.documentId !== undefined && p.documentId !== null) || (!!ext && typeof ext === 'object' && (ext as Record<string, unknown>).persistedQuery != null);
}

function once(search: URLSearchParams, name: string): string | undefined {
  const all = search.getAll(name);
  if (all.length > 1) throw badRequest(`the ${name} search parameter may only be given once`);
  return all[0];
}

/** GET /graphql?documentId=… or ?extensions={"persistedQuery":…}: rewrites the URL Apollo Server reads. */
function resolveGet(req: express.Request, docs: TrustedDocuments): string | undefined {
  const url = new URL(req.url, 'http://hub');
  const search = url.searchParams;
  const params: Record<string, unknown> = { query: once(search, 'query'), documentId: once(search, 'documentId') };
  const extensions = once(search, 'extensions');
  if (extensions !== undefined) {
    try {
      params.extensions = JSON.parse(extensions);
    } catch {
      return undefined; // Apollo Server answers invalid JSON itself.
    }
  }
  if (!hasHash(params)) return undefined;
  const id = resolveTrustedDocument(params, docs);
  search.delete('documentId');
  if (typeof params.query === 'string') search.set('query', params.query);
  if (params.extensions === undefined) search.delete('extensions');
  else search.set('extensions', JSON.stringify(params.extensions));
  req.url = `${url.pathname}${url.search}`;
  return id;
}

function trustedDocumentsMiddleware(docs: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    try {
      let id: string | undefined;
      if (req.method === 'GET') id = resolveGet(req, docs);
      else if (Array.isArray(req.body)) {
        if (req.body.some(hasHash)) throw badRequest('batched requests cannot name trusted documents');
      } else if (req.body && typeof req.body === 'object') id = resolveTrustedDocument(req.body as Record<string, unknown>, docs);
      // The same notes polLocals() keeps; importing context.ts here would load the entities with config.ts.
      if (id) ((req as { polLocals?: PolRequestLocals }).polLocals ??= {}).trustedDocumentId = id;
      next();
    } catch (e) {
      if (!(e instanceof TrustedDocumentsError)) return next(e);
      res.status(e.status).json({ errors: [{ message: e.message, extensions: { code: e.extensions.code } }] });
    }
  };
}

/**
 * Callers in the configured roles or agency kinds may run only trusted documents. The viewer is
 * known once the context is built, so this is checked in Apollo Server, before execution.
 */
function trustedOnlyPlugin(config: TrustedDocumentsConfig, docs: TrustedDocuments): ApolloServerPlugin<Context> {
  const roles = new Set<string>(config.onlyRoles);
  const kinds = new Set<string>(config.onlyAgencyKinds);
  return {
    async requestDidStart({ contextValue }) {
      const acting = contextValue.viewer.membership;
      if (!acting || (!roles.has(acting.role) && !kinds.has(acting.agencyKind))) return;
      return {
        // The first hook whose error Apollo Server returns as it is (earlier hooks' errors become 500s).
        async didResolveOperation({ source }) {
          const id = contextValue.trustedDocumentId;
          if (id !== undefined && docs.text(id) === source) return;
          throw new TrustedDocumentsError(
            'TRUSTED_DOCUMENTS_ONLY',
            `acting as ${acting.role} of a ${acting.agencyKind} agency, you may run only the hub's trusted documents: send a document's hash (documentId "sha256:<hash>" or extensions.persistedQuery.sha256Hash) instead of query text`,
            403,
          );
        },
      };
    },
  };
}

/** Runs known documents by hash; roles configured so may run nothing else. */
export function trustedDocumentsExtension(deps: HubDeps): HubExtension {
  const config = deps.config.trustedDocuments;
  const docs = TrustedDocuments.load(config.manifestPath);
  deps.log.info('trusted documents loaded', {
    documents: docs.size,
    manifest: config.manifestPath,
    onlyRoles: config.onlyRoles,
    onlyAgencyKinds: config.onlyAgencyKinds,
  });
  const restricted = config.onlyRoles.length > 0 || config.onlyAgencyKinds.length > 0;
  return {
    afterBody: [trustedDocumentsMiddleware(docs)],
    plugins: restricted ? [trustedOnlyPlugin(config, docs)] : [],
  };
}
