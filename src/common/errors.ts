import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values that clients may rely on. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface FieldProblem {
  /** Path of the offending input, e.g. `input.validFrom` or `rows.3.value`. */
  field: string;
  message: string;
}

/** Base of the hub's own errors: they reach the client as they are; anything else is masked. */
export class PolError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, httpStatus?: number) {
    super(message, { extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
    Object.setPrototypeOf(this, new.target.prototype);
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class UnauthenticatedError extends PolError {
  constructor(message = 'a valid token is required') {
    super(ErrorCode.UNAUTHENTICATED, message, {}, 401);
  }
}

export class ForbiddenError extends PolError {
  /** `httpStatus` only for refusals of the whole request (field refusals leave the response 200). */
  constructor(message = 'not allowed for your agency and role', httpStatus?: number) {
    super(ErrorCode.FORBIDDEN, message, {}, httpStatus);
  }
}

export class BadInputError extends PolError {
  constructor(message: string, readonly problems: FieldProblem[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, problems.length ? { problems } : {});
  }
  static field(field: string, message: string): BadInputError {
    return new BadInputError(`${field}: ${message}`, [{ field, message }]);
  }
}

export class NotFoundError extends PolError {
  constructor(what: string, key: string | number) {
    super(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(String(key))} not found`);
  }
}

export class ConflictError extends PolError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

const INT4_MAX = 2_147_483_647n;
const INT8_MAX = 9_223_372_036_854_775_807n;

/** A database id given as text: digits within the column's range, else BAD_USER_INPUT. */
export function parseId(field: string, value: string, column: 'int' | 'bigint' = 'int'): string {
  if (!/^\d{1,19}$/.test(value) || BigInt(value) < 1n || BigInt(value) > (column === 'int' ? INT4_MAX : INT8_MAX)) {
    throw BadInputError.field(field, `${JSON.stringify(value.slice(0, 40))} is not an id`);
  }
  return value;
}

/** The database cannot be reached: a client should retry shortly (HTTP 503). */
export class ServiceUnavailableError extends PolError {
  constructor(message = 'the database is unavailable; try again in a few seconds') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { retryAfterSeconds: 5 }, 503);
  }
}

const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Whether an error means the database is down or unreachable rather than a bug or a bad request. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && /Connection terminated|Connection ended unexpectedly|connect ECONNREFUSED|read ECONNRESET|the database system is (starting up|shutting down)|Timeout acquiring a connection|is not queryable/i.test(e.message)) return true;
  }
  return false;
}
