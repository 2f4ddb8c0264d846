import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode, PolError } from '../common/errors';
import type { Context } from './context';

/**
 * Characters no input of the hub may contain: NUL and other control characters (PostgreSQL
 * refuses NUL; the others corrupt logs and terminals), and the bidirectional embedding, override
 * and isolate marks, which can make a name or an email read differently from what it is. ZWNJ and
 * ZWJ, which Persian spelling needs, are allowed.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** Refused before execution, so the whole request is a client error (HTTP 400). */
function refuse(field: string, message: string): never {
  throw new PolError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { problems: [{ field, message }] }, 400);
}

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Deeper than any input of the schema nests. */
const MAX_DEPTH = 32;

/** Throws BAD_USER_INPUT (HTTP 400) naming the first string (by its path) that holds a forbidden character. */
export function checkStrings(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_DEPTH) refuse(path || 'variables', `nested deeper than ${MAX_DEPTH} levels`);
  if (typeof value === 'string') {
    const m = FORBIDDEN.exec(value);
    if (m) refuse(path, `contains the control or direction character ${describe(m[0])}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(v, `${path}.${i}`, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkStrings(v, path ? `${path}.${k}` : k, depth + 1);
  }
}

/** Parsed documents already found clean (Apollo Server reuses the parsed document for the same text). */
const cleanDocuments = new WeakSet<DocumentNode>();

function checkDocument(doc: DocumentNode): void {
  if (cleanDocuments.has(doc)) return;
  visit(doc, {
    [Kind.STRING](node) {
      const m = FORBIDDEN.exec(node.value);
      if (m) refuse('query', `a string in the query contains the control or direction character ${describe(m[0])}`);
    },
  });
  cleanDocuments.add(doc);
}

/** Checks every string of a request once (variables and literals), before anything runs. */
export function inputHygienePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkStrings(request.variables ?? {}, '');
          checkDocument(document);
        },
      };
    },
  };
}
