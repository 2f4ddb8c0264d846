/**
 * A PostgreSQL array literal for one bound text parameter: the driver would expand a JS array into a
 * comma list, which `unnest(?::int[])` cannot take.
 */
export function pgArray(values: ReadonlyArray<string | number | boolean | null>): string {
  const item = (v: string | number | boolean | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(item).join(',')}}`;
}
