import { ScopeSlot } from '../common/async-scope';
import pino from 'pino';

/** Structured logger: one JSON object a line (pino), on stderr unless a destination is given. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** What createLogger returns: the Logger interface plus debug lines and children with fixed fields. */
export interface HubLogger extends Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): HubLogger;
  isLevelEnabled(level: string): boolean;
}

/** Where lines go: anything with `write(line)` (tests pass a collector). */
export interface LogDestination {
  write(line: string): void;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Defence in depth: callers never pass these, but a careless field must not leak a credential or harm data. */
const REDACT = [
  'authorization', 'cookie', 'token', 'password', 'variables',
  '*.authorization', '*.cookie', '*.token', '*.password', '*.variables',
  'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie',
];

const scope = new ScopeSlot<Record<string, unknown>>('log fields');

/** Every line logged while `fn` runs (in its async context) carries `fields`, e.g. the request id. */
export function withLogFields<T>(fields: Record<string, unknown>, fn: () => T): T {
  return scope.run({ ...scope.get(), ...fields }, fn);
}

function wrap(p: pino.Logger): HubLogger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: Record<string, unknown>) => {
    if (fields) p[level](fields, msg);
    else p[level](msg);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(p.child(fields)),
    isLevelEnabled: (level) => p.isLevelEnabled(level),
  };
}

/** `level` is LOG_LEVEL: trace, debug, info, warn, error, fatal or silent; anything else means info. */
export function createLogger(level: string = 'info', destination?: LogDestination): HubLogger {
  const known = LEVELS.includes(level);
  const p = pino(
    {
      level: known ? level : 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => scope.get() ?? {},
    },
    // Synchronous: the lines written just before process.exit are not lost.
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const log = wrap(p);
  if (!known) log.warn('unknown LOG_LEVEL; using info', { given: level });
  return log;
}
