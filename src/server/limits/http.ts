import express from 'express';
import type { PolRequestLocals } from '../context';
import type { Logger } from '../log';
import { LimitError, sendLimitError } from './errors';

interface BodyParserError {
  type?: string;
  status?: number;
  length?: number;
  message?: string;
}

/**
 * Parses JSON bodies up to `maxBytes` (after decompression) and answers what it refuses as GraphQL
 * errors. A declared Content-Length over the limit is refused before the body is read; a streamed
 * body is counted as it arrives. The hub's own `express.json` that follows finds the body read and
 * passes it on.
 */
export function jsonBodyHandler(maxBytes: number): express.RequestHandler {
  const parse = express.json({ limit: maxBytes });
  const tooLarge = (actual?: number) =>
    new LimitError('PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${maxBytes} bytes`, 413, {
      limit: maxBytes,
      ...(actual !== undefined ? { actual } : {}),
    });
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes && !req.headers['content-encoding']) {
      // Closing the connection spares reading a body that will not be used.
      return sendLimitError(res, tooLarge(declared), { connection: 'close' });
    }
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as BodyParserError;
      switch (e.type) {
        case 'entity.too.large':
          return sendLimitError(res, tooLarge(typeof e.length === 'number' ? e.length : undefined));
        case 'entity.parse.failed':
          return sendLimitError(res, new LimitError('BAD_REQUEST', 'the request body is not valid JSON', 400));
        case 'request.size.invalid':
          return sendLimitError(res, new LimitError('BAD_REQUEST', 'the request body does not match its Content-Length', 400));
        case 'charset.unsupported':
        case 'encoding.unsupported':
          return sendLimitError(res, new LimitError('BAD_REQUEST', e.message ?? 'unsupported body encoding', 415));
        default:
          return next(err);
      }
    });
  };
}

/** Node's response methods that the GraphQL middleware may still call after a timeout answered. */
const WRITERS = ['setHeader', 'appendHeader', 'removeHeader', 'writeHead', 'flushHeaders', 'status', 'set', 'header', 'send', 'json', 'write', 'end'] as const;

/**
 * Answers TIMEOUT when the request has not been answered `ms` after its body was read. GraphQL
 * 16 cannot abort an execution, so the operation runs on in the background and its answer is
 * dropped; a running SQL statement finishes (or hits PostgreSQL's statement_timeout), and its
 * connection goes back to the pool.
 */
export function timeoutHandler(ms: number, log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      log.warn('request timed out', { requestId: (req as { polLocals?: PolRequestLocals }).polLocals?.requestId, limitMs: ms });
      sendLimitError(
        res,
        new LimitError('TIMEOUT', `the request took longer than ${ms} ms and was not answered; ask for less (smaller pages, fewer regions or periods) or try again later. A write may still complete: send it again with the same idempotency key`, 503, { limit: ms }),
      );
      const r = res as unknown as Record<string, unknown>;
      for (const m of WRITERS) r[m] = m === 'write' ? () => true : () => res;
    }, ms);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
