/** A frozen copy of an entity's own data (relations replaced as given), detached from its EntityManager. */
export function plain<T extends object>(entity: T, overrides: Partial<Record<keyof T, unknown>> = {}): T {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    if (k.startsWith('__')) continue;
    copy[k] = Array.isArray(v) ? Object.freeze([...v]) : v;
  }
  return Object.freeze(Object.assign(copy, overrides)) as T;
}
