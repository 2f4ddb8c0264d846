import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/server/app';
import { isLocalClient, isLoopbackAddress } from '../src/server/explorer';
import { mountExplorer } from '../src/server/explorer-mount';
import { createLogger } from '../src/server/log';
import { startTestHub, type TestHub } from './support/hub';

/** This machine's addresses other than loopback (none on a machine without a network). */
const otherAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && !(a.family === 'IPv6' && a.scopeid))
    .map((a) => a.address);

const urlOf = (address: string, port: number) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

describe('who is a local client', () => {
  it('loopback addresses are 127.0.0.0/8 and ::1, also IPv4-mapped', () => {
    for (const a of ['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '192.0.2.2', '128.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '::', '0.0.0.0', '', 'localhost', 'not an address', undefined]) {
      expect(isLoopbackAddress(a), String(a)).toBe(false);
    }
  });

  it('is decided by the socket, and no forwarding header makes a remote client local', () => {
    const req = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers });
    expect(isLocalClient(req('127.0.0.1'))).toBe(true);
    expect(isLocalClient(req('::ffff:127.0.0.1'))).toBe(true);
    expect(isLocalClient(req('::1'))).toBe(true);
    expect(isLocalClient(req('203.0.113.7'))).toBe(false);
    expect(isLocalClient(req('203.0.113.7', { 'x-forwarded-for': '127.0.0.1' }))).toBe(false);
    expect(isLocalClient(req('203.0.113.7', { forwarded: 'for=127.0.0.1' }))).toBe(false);
    expect(isLocalClient(req(undefined))).toBe(false);
    // Through a proxy on this machine the client may be anywhere.
    expect(isLocalClient(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }))).toBe(false);
    expect(isLocalClient(req('::1', { forwarded: 'for=203.0.113.7' }))).toBe(false);
  });
});

describe('the hub outside production', () => {
  let base: TestHub;
  let open: Hub;
  let port: number;
  beforeAll(async () => {
    base = await startTestHub();
    expect(base.config.production).toBe(false);
    open = await createHub({
      orm: base.orm, config: base.config, tokens: base.tokens, log: createLogger('silent'),
      mount: (app) => mountExplorer(app, { config: base.config, tokens: base.tokens, orm: base.orm }),
    });
    // Every address of this machine, IPv4 and IPv6 (IPv4 clients then show as ::ffff:a.b.c.d).
    port = await open.listen(0, '::').catch(() => open.listen(0, '0.0.0.0'));
  });
  afterAll(async () => {
    await open?.close();
    await base?.close();
  });

  it('listens on 127.0.0.1 unless HOST says otherwise', async () => {
    expect(base.config.host).toBe('127.0.0.1');
    const hub = await createHub({ orm: base.orm, config: base.config, tokens: base.tokens, log: createLogger('silent') });
    try {
      const p = await hub.listen(0);
      expect((hub.server.address() as AddressInfo).address).toBe('127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${p}/healthz`)).status).toBe(200);
      for (const address of otherAddresses()) {
        await expect(fetch(`${urlOf(address, p)}/healthz`), address).rejects.toThrow();
      }
    } finally {
      await hub.close();
    }
  });

  it('serves the demo sign-in to loopback clients only', async () => {
    for (const local of ['127.0.0.1', '::1']) {
      const res = await fetch(`${urlOf(local, port)}/graphiql/demo-users`).catch(() => undefined);
      if (!res && local === '::1') continue; // a machine without IPv6 loopback
      expect(res!.status, local).toBe(200);
      const users = (await res!.json()) as Array<{ email: string; token: string }>;
      expect(users.find((u) => u.email === 'dg@sca.kermanshah.example')?.token, local).toMatch(/^ey/);
    }
    // A forwarded request is refused even from loopback, and a header claiming loopback changes nothing.
    const forwarded = await fetch(`http://127.0.0.1:${port}/graphiql/demo-users`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forwarded.status).toBe(403);
    const remote = otherAddresses();
    for (const address of remote) {
      for (const headers of [{}, { 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }] as Record<string, string>[]) {
        const res = await fetch(`${urlOf(address, port)}/graphiql/demo-users`, { headers });
        expect(res.status, `${address} ${JSON.stringify(headers)}`).toBe(403);
        const text = await res.text();
        expect(text).not.toMatch(/ey[\w-]+\.[\w-]+\./);
        expect(text).not.toContain('@');
      }
      // The rest of the hub answers that client as before.
      expect((await fetch(`${urlOf(address, port)}/graphiql/examples`)).status, address).toBe(200);
      const gql = await fetch(`${urlOf(address, port)}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(gql.status, address).toBe(200);
    }
  });
});
