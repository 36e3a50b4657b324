/**
 * A TCP proxy in front of the cloud that injects network faults below HTTP,
 * where a real network fails:
 *
 * - pass: bytes flow both ways;
 * - drop-response: the request reaches the cloud, and when the cloud starts
 *   answering (it answers a push only after committing it) the register's
 *   connection is cut, so the answer never arrives;
 * - delay-response: the cloud's answer is held back `delayMs` (longer than
 *   the register's timeout, so the register gives up on a committed push);
 * - hold: requests wait at the proxy until `release()` (a register that has
 *   started a sync round, waiting for the network).
 *
 * `answers` counts the answers the cloud started to send through the proxy.
 */
import net from 'node:net';

export type FaultMode = { kind: 'pass' } | { kind: 'drop-response' } | { kind: 'delay-response'; delayMs: number } | { kind: 'hold' };

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  answers: number;
  /** Ends `hold`: what waited goes on to the cloud, and the mode becomes pass. */
  release(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const held: (() => void)[] = [];
  const proxy: FaultProxy = {
    url: '',
    mode: { kind: 'pass' },
    answers: 0,
    release() {
      proxy.mode = { kind: 'pass' };
      for (const go of held.splice(0)) go();
    },
    close: async () => undefined,
  };
  const server = net.createServer((client) => {
    track(client);
    const cloud = net.connect(Number(upstream.port), upstream.hostname);
    track(cloud);
    client.on('data', (chunk) => {
      if (proxy.mode.kind === 'hold') held.push(() => cloud.write(chunk));
      else cloud.write(chunk);
    });
    client.on('close', () => cloud.destroy());
    cloud.on('close', () => client.destroy());
    let answering = false;
    cloud.on('data', (chunk) => {
      // One answer per request; its first chunk decides what happens to all of it.
      if (!answering) {
        answering = true;
        proxy.answers++;
      }
      const mode = proxy.mode;
      if (mode.kind === 'drop-response') {
        client.destroy();
        cloud.destroy();
      } else if (mode.kind === 'delay-response') {
        setTimeout(() => client.write(chunk), mode.delayMs);
      } else {
        client.write(chunk);
      }
    });
    client.on('data', () => {
      answering = false;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
