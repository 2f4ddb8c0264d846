import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Values that follow one request through its async calls (SQL tally, log fields, the request's
 * record), all in one AsyncLocalStorage: on Node 20 every enabled store adds work to every promise
 * the process creates, and a list of a thousand guarded values creates thousands.
 */
const storage = new AsyncLocalStorage<Readonly<Record<symbol, unknown>>>();

/** A kind of value kept in the scope. */
export class ScopeSlot<T> {
  private readonly key: symbol;

  constructor(name: string) {
    this.key = Symbol(name);
  }

  /** Runs `fn` with this slot set to `value` (other slots as they were). */
  run<R>(value: T, fn: () => R): R {
    return storage.run({ ...storage.getStore(), [this.key]: value }, fn);
  }

  get(): T | undefined {
    return storage.getStore()?.[this.key] as T | undefined;
  }
}
