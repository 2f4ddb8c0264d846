import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../common/paths';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

export interface DemoUser {
  email: string;
  label: string;
  token: string;
}

export interface ExplorerExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface ExplorerOptions {
  /** Built bundle (defaults to `explorerDistDir()`). */
  distDir?: string;
  /**
   * Demo accounts offered by the page's user picker, with their tokens; leave undefined in production
   * (404). Served only to clients on this machine (loopback), whatever the hub listens on.
   */
  demoUsers?: () => Promise<DemoUser[]>;
  /** Saved operations opened as tabs; 404 when undefined. */
  examples?: ExplorerExample[];
  /** Path of the GraphQL endpoint on the same origin (default `/graphql`). */
  graphqlPath?: string;
}

// Everything the page loads comes from this origin; fonts and icons are inlined as data: URLs.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Monaco sets inline styles
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export function explorerDistDir(): string {
  return path.join(repoRoot, 'dist', 'explorer');
}

export function isExplorerBuilt(distDir: string = explorerDistDir()): boolean {
  return existsSync(path.join(distDir, 'index.html'));
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  return family !== undefined && LOOPBACK.check(address, family);
}

type ClientRequest = Pick<Request, 'headers'> & { socket: { remoteAddress?: string } };

/**
 * Whether a request comes from a program on this machine: the socket's peer is a loopback address
 * and no proxy forwarded it. The address is the socket's, never a header's (anyone can write
 * X-Forwarded-For), and a forwarded request is refused even from loopback: behind a reverse proxy
 * on the same machine every client would otherwise look local.
 */
export function isLocalClient(req: ClientRequest): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  return isLoopbackAddress(req.socket.remoteAddress);
}

export function explorerRouter(opts: ExplorerOptions = {}): Router {
  const distDir = opts.distDir ?? explorerDistDir();
  const graphqlPath = opts.graphqlPath ?? '/graphql';
  const router = express.Router();

  router.get('/demo-users', async (req, res) => {
    if (!opts.demoUsers) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (!isLocalClient(req)) {
      res.status(403).set('Cache-Control', 'no-store').type('text/plain').send('The demo sign-in is offered only to browsers on the hub\'s own machine.\n');
      return;
    }
    const users = await opts.demoUsers();
    res.set('Cache-Control', 'no-store').json(users.map(({ email, label, token }) => ({ email, label, token })));
  });

  router.get('/examples', (_req, res) => {
    if (!opts.examples) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.set('Cache-Control', 'no-cache').json(opts.examples);
  });

  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!isExplorerBuilt(distDir)) {
      res
        .status(503)
        .set('Cache-Control', 'no-store')
        .type('text/plain')
        .send(`The GraphQL explorer is not built (${distDir} is missing).\nRun \`npm run explorer:build\` and reload.\n`);
      return;
    }
    next();
  });

  const sendIndex = (req: Request, res: Response) => {
    // The bundle uses relative asset URLs, so the page must live at "<mount>/".
    const q = req.originalUrl.indexOf('?');
    const pathname = q < 0 ? req.originalUrl : req.originalUrl.slice(0, q);
    if (req.path === '/' && !pathname.endsWith('/')) {
      // Relative Location keeps any reverse-proxy path prefix.
      const last = pathname.slice(pathname.lastIndexOf('/') + 1);
      res.redirect(301, `${last}/${q < 0 ? '' : req.originalUrl.slice(q)}`);
      return;
    }
    const html = readFileSync(path.join(distDir, 'index.html'), 'utf8').replace(
      /(<meta name="pol-graphql-path" content=")[^"]*(")/,
      `$1${escapeAttr(graphqlPath)}$2`,
    );
    res
      .set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .type('text/html; charset=utf-8')
      .send(html);
  };
  router.get(['/', '/index.html'], sendIndex);

  // File names carry a content hash.
  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: true,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );

  return router;
}
