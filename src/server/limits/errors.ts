import type express from 'express';
import { PolError, type ErrorCode } from '../../common/errors';

/** Stable `extensions.code` values of the abuse limits. */
export type LimitErrorCode =
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_REQUEST'
  | 'BATCHING_NOT_ALLOWED'
  | 'TOO_MANY_TOKENS'
  | 'TOO_MANY_OPERATIONS'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'QUERY_TOO_COMPLEX'
  | 'INTROSPECTION_DISABLED'
  | 'RATE_LIMITED'
  | 'TIMEOUT';

/** A request refused by a limit; `extensions` name the limit that was hit (`limit`, and `actual` where known). */
export class LimitError extends PolError {
  constructor(code: LimitErrorCode, message: string, readonly status: number, details: Record<string, unknown> = {}) {
    // These codes belong to this module; ErrorCode lists the hub-wide ones.
    super(code as unknown as ErrorCode, message, details, status);
  }

  /** The GraphQL response body, for refusals answered before Apollo Server. */
  toBody(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return errorBody(this);
  }
}

function errorBody(err: PolError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
  return { errors: [{ message: err.message, extensions }] };
}

/** Answers an Express request with the error, as Apollo Server would answer a GraphQL request error. */
export function sendLimitError(res: express.Response, err: LimitError, headers: Record<string, string> = {}): void {
  sendRequestError(res, err, err.status, headers);
}

/** Any of the hub's errors answered before Apollo Server, with this HTTP status. */
export function sendRequestError(res: express.Response, err: PolError, status: number, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(errorBody(err)));
}
