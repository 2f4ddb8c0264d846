/**
 * A GraphQL client over keep-alive HTTP/1.1 connections to 127.0.0.1 (node:http; the machine has
 * no `undici` package and autocannon is not used), with a hard per-request timeout.
 */
import http from 'node:http';

export interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [k: string]: unknown };
}

export interface GqlResponse<T = Record<string, unknown>> {
  /** HTTP status; 0 when no answer came (connection error or timeout). */
  status: number;
  ms: number;
  data?: T | null;
  errors?: GqlError[];
  /** Connection error, timeout or unparseable body. */
  transportError?: string;
  /** The first 300 characters of a body that was not GraphQL JSON. */
  rawBody?: string;
}

export class GqlClient {
  readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(base: string, maxSockets: number, private readonly timeoutMs: number) {
    const u = new URL(base);
    if (u.hostname !== '127.0.0.1') throw new Error(`load goes to 127.0.0.1 only, not ${u.hostname}`);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  call<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResponse<T>> {
    const payload = Buffer.from(JSON.stringify({ query, variables }));
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': payload.length };
    if (token) headers.authorization = `Bearer ${token}`;
    const t0 = performance.now();
    return new Promise((resolve) => {
      let done = false;
      const finish = (r: Omit<GqlResponse<T>, 'ms'>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ...r, ms: performance.now() - t0 });
      };
      const req = http.request({ host: this.host, port: this.port, path: '/graphql', method: 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => finish({ status: res.statusCode ?? 0, transportError: `response: ${e.message}` }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          try {
            const body = JSON.parse(text) as { data?: T | null; errors?: GqlError[] };
            finish({ status, data: body.data, errors: body.errors });
          } catch {
            finish({ status, transportError: `not JSON (HTTP ${status})`, rawBody: text.slice(0, 300) });
          }
        });
      });
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      req.on('error', (e) => finish({ status: 0, transportError: e.message }));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The `extensions.code` of each error, in order. */
export const codesOf = (r: { errors?: GqlError[] }) => (r.errors ?? []).map((e) => e.extensions?.code ?? '(no code)');
