import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode, PolError, type FieldProblem } from '../common/errors';
import type { Context } from './context';
import { sendRequestError } from './limits/errors';

/**
 * Characters no input of the hub may contain: NUL and other control characters (PostgreSQL
 * refuses NUL; the others corrupt logs and terminals), and the bidirectional embedding, override
 * and isolate marks, which can make a name or an email read differently from what it is. ZWNJ and
 * ZWJ, which Persian spelling needs, are allowed.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** Refused before execution, so the whole request is a client error (HTTP 400). */
function refusal(field: string, message: string): PolError {
  return new PolError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { problems: [{ field, message }] }, 400);
}

function refuse(field: string, message: string): never {
  throw refusal(field, message);
}

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Deeper than any input of the schema nests. */
export const MAX_DEPTH = 32;

/**
 * Values (array items and object members) one part of a request (its variables, its extensions) may
 * hold: the largest input, a batch of 10,000 rows of at most 8 values each, fits twice.
 */
export const MAX_VALUES = 200_000;

interface Frame {
  value: unknown;
  depth: number;
  up?: Frame;
  key?: string | number;
}

function pathOf(frame: Frame, prefix: string): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f?.up; f = f.up) keys.push(f.key!);
  if (prefix) keys.push(prefix);
  return keys.reverse().join('.') || 'variables';
}

/**
 * The first value nested deeper than MAX_DEPTH levels (the value itself is level 0), or more than
 * MAX_VALUES values, found with a stack of its own: a recursive walk, JSON.stringify included,
 * overflows the call stack on ten kilobytes of brackets. Paths are named as checkStrings names
 * them: from the variables, or from `prefix` (e.g. `extensions`).
 */
export function shapeProblem(root: unknown, prefix = ''): FieldProblem | undefined {
  const stack: Frame[] = [{ value: root, depth: 0 }];
  let values = 0;
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth > MAX_DEPTH) return { field: pathOf(frame, prefix), message: `nested deeper than ${MAX_DEPTH} levels` };
    if (!value || typeof value !== 'object') continue;
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    values += keys ? keys.length : (value as unknown[]).length;
    if (values > MAX_VALUES) return { field: pathOf(frame, prefix), message: `holds more than ${MAX_VALUES} values` };
    // Pushed last first, so the first offending value (in document order) is found first.
    if (keys) for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]], depth: depth + 1, up: frame, key: keys[i] });
    else for (let i = (value as unknown[]).length - 1; i >= 0; i--) stack.push({ value: (value as unknown[])[i], depth: depth + 1, up: frame, key: i });
  }
  return undefined;
}

/** The parts of a request that hold arbitrary JSON: the body's members, or a GET's JSON parameters. */
function requestParts(req: express.Request): Array<[string, unknown]> {
  if (req.method === 'GET') {
    const search = new URL(req.url, 'http://hub').searchParams;
    const parts: Array<[string, unknown]> = [];
    for (const name of ['variables', 'extensions']) {
      for (const text of search.getAll(name)) {
        try {
          parts.push([name, JSON.parse(text)]);
        } catch {
          // Apollo Server answers JSON that does not parse.
        }
      }
    }
    return parts;
  }
  const body: unknown = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) return Object.entries(body);
  return [['body', body]];
}

/**
 * Bounds the nesting and size of a request's variables, extensions and other members right after
 * the body is parsed, before anything walks them (the cost memo, string hygiene, trusted documents,
 * Apollo Server): BAD_USER_INPUT, HTTP 400, as checkStrings answers input nested too deep.
 */
export function inputShapeHandler(): express.RequestHandler {
  return (req, res, next) => {
    for (const [name, value] of requestParts(req)) {
      const problem = shapeProblem(value, name === 'variables' ? '' : name);
      if (problem) return sendRequestError(res, refusal(problem.field, problem.message), 400);
    }
    next();
  };
}

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
