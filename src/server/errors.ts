import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DriverException } from '@mikro-orm/core';
import { ErrorCode, isDatabaseUnavailable, PolError, ServiceUnavailableError, type FieldProblem } from '../common/errors';

/** Apollo's own codes for requests it could not run; their messages are safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

function problems(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...problems(e.children ?? [], `${field}.`)];
  });
}

export type ErrorLogger = (err: unknown, formatted: GraphQLFormattedError) => void;

/** A hub error as clients see it: its message and extensions, without the HTTP status it carries. */
export function clientError(e: PolError): GraphQLFormattedError {
  const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
  return { message: e.message, extensions };
}

/**
 * The hub's own errors and GraphQL request errors reach clients as they are (without stack traces);
 * class-validator failures become BAD_USER_INPUT with the fields named; anything else is logged and
 * masked, so no internal detail leaks.
 */
export function makeFormatError(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof ArgumentValidationError) {
      const list = problems((original.extensions.validationErrors ?? []) as ValidationError[], '');
      return {
        ...base,
        message: `invalid input: ${list.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, problems: list },
      };
    }
    if (original instanceof PolError) return { ...base, ...clientError(original) };
    if (isDatabaseUnavailable(original)) return { ...base, ...clientError(new ServiceUnavailableError()) };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_CODES.has(code) && original instanceof GraphQLError) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    logUnexpected(original, formatted);
    return { ...base, message: 'Internal error: the hub could not answer this; the operators have the details', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/**
 * An unexpected error for the logs, without the values it may carry: database errors quote the
 * SQL with its parameters (names, national IDs, phone numbers), so only their kind and code are kept.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DriverException) {
    const sqlState = (err as { code?: string }).code;
    return {
      error: err.name, sqlState, constraint: (err as { constraint?: string }).constraint, table: (err as { table?: string }).table,
      // Without a SQLSTATE the error is the client library's own ("… is not queryable"): its words
      // after the statement, which may hold personal data and is left out.
      ...(sqlState ? {} : { driverMessage: err.message.split(' - ').at(-1)!.slice(0, 200) }),
    };
  }
  if (err instanceof Error) return { error: err.name, message: err.message.slice(0, 500), stack: err.stack?.split('\n').slice(1, 8).join('\n') };
  return { error: String(err).slice(0, 500) };
}
