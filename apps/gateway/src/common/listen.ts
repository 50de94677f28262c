import { INestApplication } from '@nestjs/common';
import { Server as HttpServer } from 'node:http';
import { AddressInfo, createServer, Server } from 'node:net';

/** Listening sockets the gateway accepts connections on (see `listenOnAcceptors`). */
export const GATEWAY_ACCEPTORS = 8;

/** Starts the gateway (Nest's `init`) and serves it on `port`/`host` (0: any free port) through `acceptors` sockets. */
export async function listenGateway(app: INestApplication, port: number, host: string, acceptors = GATEWAY_ACCEPTORS): Promise<number> {
  await app.init();
  return listenOnAcceptors(app.getHttpServer() as HttpServer, port, host, acceptors);
}

/**
 * Serves `http` on `port`/`host` through several listening sockets bound to the same address
 * (`SO_REUSEPORT`), all handing their connections to the one HTTP server. Resolves with the port.
 *
 * Why: libuv, Node's event loop, accepts at most ONE connection per listening socket per turn of the
 * loop (libuv/libuv#3696, in Node since 20). A busy gateway's turn lasts tens of milliseconds (every
 * request that became readable is handled in it), so one socket accepts a few dozen connections a
 * second, and raters arriving faster wait seconds in the kernel's accept queue before the gateway
 * reads their request: a rater's kept-alive connection from opening the survey has long closed when
 * they submit, so every submission comes on a new connection (docs/benchmarks.md, twenty-fifth
 * round: at 200 submissions a second, accept latency p99 11.5 s with one socket, 0.6 s with eight).
 * The kernel spreads new connections over the sockets, and each turn accepts up to one per socket.
 *
 * The address must be free: it is first bound once without `SO_REUSEPORT` (so a second gateway
 * started on the same port fails with EADDRINUSE instead of silently sharing its connections), then
 * released and bound by the acceptors. Where the platform has no `SO_REUSEPORT` load balancing
 * (anything but Linux) one socket serves, as before. `http.close()` closes every acceptor at once.
 */
export async function listenOnAcceptors(http: HttpServer, port: number, host: string, acceptors = GATEWAY_ACCEPTORS): Promise<number> {
  if (acceptors <= 1 || process.platform !== 'linux') {
    await listen(http, { port, host });
    return (http.address() as AddressInfo).port;
  }
  if (port !== 0) {
    const probe = createServer();
    await listen(probe, { port, host });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
  await listen(http, { port, host, reusePort: true });
  const bound = (http.address() as AddressInfo).port;
  const extra: Server[] = [];
  try {
    for (let i = 1; i < acceptors; i++) {
      const acceptor = createServer((socket) => http.emit('connection', socket));
      await listen(acceptor, { port: bound, host, reusePort: true });
      extra.push(acceptor);
    }
  } catch (error) {
    for (const acceptor of extra) acceptor.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    throw error;
  }
  // Closing the HTTP server stops every acceptor at once (its own 'close' waits for open connections).
  const close = http.close.bind(http);
  http.close = (callback?: (error?: Error) => void) => {
    for (const acceptor of extra) acceptor.close();
    return close(callback);
  };
  return bound;
}

function listen(server: Server, options: { port: number; host: string; reusePort?: boolean }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
