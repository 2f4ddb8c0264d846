/** Latency, throughput and error bookkeeping of the load and fault tests, and their markdown tables. */

export type Outcome = 'ok' | 'refused' | 'error';

interface Counts { ok: number; refused: number; errors: number }

interface OpStats {
  kind: 'read' | 'write';
  /** Latencies of the measured window. */
  latencies: number[];
  /** Outcomes in the measured window, and over the whole run (warm-up included). */
  measured: Counts;
  all: Counts;
}

const field = (o: Outcome): keyof Counts => (o === 'ok' ? 'ok' : o === 'refused' ? 'refused' : 'errors');

export interface ErrorSample {
  count: number;
  firstAt: number;
  lastAt: number;
  sample: string;
}

/** One second of the run, for timelines. */
export interface SecondBucket {
  ok: number;
  refused: number;
  errors: number;
  okWrites: number;
  /** extensions.code (or HTTP status / transport error) → count */
  codes: Record<string, number>;
  maxMs: number;
}

export class Recorder {
  readonly ops = new Map<string, OpStats>();
  readonly errors = new Map<string, ErrorSample>();
  readonly refusals = new Map<string, number>();
  readonly seconds: SecondBucket[] = [];
  /** Latencies are kept only while measuring (after the warm-up). */
  measuring = false;
  measuredFrom = 0;
  measuredTo = 0;
  total = 0;

  constructor(readonly t0 = performance.now()) {}

  now(): number {
    return (performance.now() - this.t0) / 1000;
  }

  record(op: string, kind: 'read' | 'write', ms: number, outcome: Outcome, detail?: { key: string; sample: string }, code?: string): void {
    const t = this.now();
    this.total++;
    let s = this.ops.get(op);
    if (!s) this.ops.set(op, (s = { kind, latencies: [], measured: { ok: 0, refused: 0, errors: 0 }, all: { ok: 0, refused: 0, errors: 0 } }));
    if (this.measuring) {
      s.latencies.push(ms);
      s.measured[field(outcome)]++;
    }
    s.all[field(outcome)]++;
    if (outcome === 'refused' && detail) this.refusals.set(detail.key, (this.refusals.get(detail.key) ?? 0) + 1);
    if (outcome === 'error' && detail) {
      const e = this.errors.get(detail.key);
      if (e) {
        e.count++;
        e.lastAt = t;
      } else this.errors.set(detail.key, { count: 1, firstAt: t, lastAt: t, sample: detail.sample });
    }
    const sec = Math.floor(t);
    while (this.seconds.length <= sec) this.seconds.push({ ok: 0, refused: 0, errors: 0, okWrites: 0, codes: {}, maxMs: 0 });
    const b = this.seconds[sec];
    b[field(outcome)]++;
    if (outcome === 'ok' && kind === 'write') b.okWrites++;
    if (code) b.codes[code] = (b.codes[code] ?? 0) + 1;
    b.maxMs = Math.max(b.maxMs, ms);
  }

  startMeasuring(): void {
    this.measuring = true;
    this.measuredFrom = this.now();
  }

  stopMeasuring(): void {
    this.measuring = false;
    this.measuredTo = this.now();
  }

  get errorCount(): number {
    let n = 0;
    for (const e of this.errors.values()) n += e.count;
    return n;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Per-operation table over the measured window (warm-up excluded): count, req/s, ok, expected refusals, errors, p50/p95/p99/max. */
export function latencyTable(rec: Recorder): string {
  const secs = Math.max(0.001, rec.measuredTo - rec.measuredFrom);
  const rows: string[] = [
    '| operation | kind | requests | req/s | ok | expected refusals | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const all: number[] = [];
  const byKind: Record<string, number[]> = { read: [], write: [] };
  let ok = 0;
  let refused = 0;
  let errors = 0;
  const names = [...rec.ops.keys()].sort((a, b) => (rec.ops.get(a)!.kind === rec.ops.get(b)!.kind ? a.localeCompare(b) : rec.ops.get(a)!.kind === 'read' ? -1 : 1));
  for (const name of names) {
    const s = rec.ops.get(name)!;
    if (!s.latencies.length) continue;
    const sorted = [...s.latencies].sort((a, b) => a - b);
    all.push(...sorted);
    byKind[s.kind].push(...sorted);
    ok += s.measured.ok;
    refused += s.measured.refused;
    errors += s.measured.errors;
    rows.push(`| ${name} | ${s.kind} | ${sorted.length} | ${(sorted.length / secs).toFixed(1)} | ${s.measured.ok} | ${s.measured.refused} | ${s.measured.errors} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? NaN)} |`);
  }
  for (const kind of ['read', 'write'] as const) {
    const sorted = byKind[kind].sort((a, b) => a - b);
    rows.push(`| **all ${kind}s** | | ${sorted.length} | ${(sorted.length / secs).toFixed(1)} | | | | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? NaN)} |`);
  }
  all.sort((a, b) => a - b);
  rows.push(`| **all** | | ${all.length} | ${(all.length / secs).toFixed(1)} | ${ok} | ${refused} | ${errors} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 95))} | ${ms(percentile(all, 99))} | ${ms(all.at(-1) ?? NaN)} |`);
  return rows.join('\n');
}

/** Distinct unexpected errors, most frequent first. */
export function errorList(rec: Recorder, max = 25): string {
  if (!rec.errors.size) return 'none';
  const list = [...rec.errors.entries()].sort((a, b) => b[1].count - a[1].count);
  const out = list.slice(0, max).map(([key, e]) => `- ${e.count} × ${key} (t=${e.firstAt.toFixed(1)}–${e.lastAt.toFixed(1)} s)\n  sample: ${e.sample.slice(0, 600)}`);
  if (list.length > max) out.push(`- … and ${list.length - max} more distinct errors`);
  return out.join('\n');
}

export function refusalList(rec: Recorder): string {
  if (!rec.refusals.size) return 'none';
  return [...rec.refusals.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `- ${n} × ${k}`).join('\n');
}
