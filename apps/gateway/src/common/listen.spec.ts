import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { listenOnAcceptors } from './listen';

/**
 * The gateway's listening sockets (`listenOnAcceptors`): on a busy event loop, new connections are
 * accepted several to a turn of the loop instead of one; a port in use is refused, not shared;
 * closing the server closes every socket.
 */

/** Opens `n` connections at once from another process, one GET on each; resolves when all are answered. */
async function connectAtOnce(port: number, n: number): Promise<void> {
  const client = `
    const http = require('node:http');
    let left = ${n};
    for (let i = 0; i < ${n}; i++) {
      const agent = new http.Agent({ keepAlive: false });
      http.get({ host: '127.0.0.1', port: ${port}, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => { if (--left === 0) process.exit(0); });
      }).on('error', (e) => { console.error(e.message); process.exit(1); });
    }`;
  await promisify(execFile)(process.execPath, ['-e', client], { timeout: 30000 });
}

/**
 * Serves `n` simultaneous connections while every turn of the event loop is kept busy for 15 ms (as
 * a loaded gateway's turns are); returns how many connections were accepted in each turn that
 * accepted any.
 */
async function acceptedPerTurn(acceptors: number, connections: number): Promise<number[]> {
  const server = createServer((_req, res) => res.end('ok'));
  const port = await listenOnAcceptors(server, 0, '127.0.0.1', acceptors);
  let turn = 0;
  const perTurn = new Map<number, number>();
  server.on('connection', () => perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1));
  let spinning = true;
  const spin = () => {
    turn++;
    const end = performance.now() + 15;
    while (performance.now() < end);
    if (spinning) setImmediate(spin);
  };
  setImmediate(spin);
  try {
    await connectAtOnce(port, connections);
  } finally {
    spinning = false;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return [...perTurn.values()];
}

describe('the gateway listening on several sockets', () => {
  it('accepts several new connections in one busy turn of the event loop, where one socket accepts one', async () => {
    const single = await acceptedPerTurn(1, 48);
    const eight = await acceptedPerTurn(8, 48);
    // libuv accepts one connection per listening socket per turn: 48 connections take 48 turns.
    expect(single.reduce((a, b) => a + b, 0)).toBe(48);
    expect(Math.max(...single)).toBe(1);
    expect(single).toHaveLength(48);
    // Eight sockets: every connection served, several to a turn, in well under half the turns.
    expect(eight.reduce((a, b) => a + b, 0)).toBe(48);
    expect(Math.max(...eight)).toBeGreaterThan(1);
    expect(eight.length).toBeLessThanOrEqual(24);
  });

  it('refuses a port another gateway already serves (EADDRINUSE) instead of sharing its connections', async () => {
    const first = createServer((_req, res) => res.end('first'));
    const port = await listenOnAcceptors(first, 0, '127.0.0.1', 8);
    const second = createServer((_req, res) => res.end('second'));
    try {
      await expect(listenOnAcceptors(second, port, '127.0.0.1', 8)).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(second.listening).toBe(false);
      // Every answer still comes from the first.
      const bodies = await Promise.all(
        Array.from({ length: 16 }, () => fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } }).then((r) => r.text())),
      );
      expect(new Set(bodies)).toEqual(new Set(['first']));
    } finally {
      await new Promise<void>((resolve) => first.close(() => resolve()));
    }
  });

  it('closing the HTTP server closes every listening socket', async () => {
    const server: Server = createServer((_req, res) => res.end('ok'));
    const port = await listenOnAcceptors(server, 0, '127.0.0.1', 8);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections from many source ports (spread over every socket by the kernel): all refused.
    const refused = await Promise.all(
      Array.from(
        { length: 32 },
        () =>
          new Promise<string>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            socket.once('connect', () => {
              socket.destroy();
              resolve('connected');
            });
            socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
          }),
      ),
    );
    expect(new Set(refused)).toEqual(new Set(['ECONNREFUSED']));
  });
});
