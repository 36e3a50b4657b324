import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { encodeReceiptEscpos } from './escpos';
import { sampleReceipt } from './sample-receipt';
import { sendToThermalPrinter } from './thermal-printer';

/** A stand-in network printer: a real TCP server on loopback that keeps what it receives. */
interface FakePrinter {
  port: number;
  received: () => Buffer;
  connections: net.Socket[];
  close: () => Promise<void>;
}

const servers: FakePrinter[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function startPrinter(options: { read?: boolean; closeWhenDone?: boolean } = {}): Promise<FakePrinter> {
  const chunks: Buffer[] = [];
  const connections: net.Socket[] = [];
  // allowHalfOpen: the "printer" decides itself whether to close when the till has sent everything.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    connections.push(socket);
    if (options.read === false) socket.pause();
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      if (options.closeWhenDone !== false) socket.end();
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const printer: FakePrinter = {
        port: (server.address() as net.AddressInfo).port,
        received: () => Buffer.concat(chunks),
        connections,
        close: () =>
          new Promise<void>((done) => {
            for (const c of connections) c.destroy();
            server.close(() => done());
          }),
      };
      servers.push(printer);
      resolve(printer);
    });
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('sendToThermalPrinter', () => {
  it('delivers every byte of the receipt over TCP', async () => {
    const printer = await startPrinter();
    const bytes = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: true });
    await sendToThermalPrinter(bytes, { host: '127.0.0.1', port: printer.port });
    expect(printer.connections).toHaveLength(1);
    expect(new Uint8Array(printer.received())).toEqual(bytes);
  });

  it('finishes when a printer keeps its side open after the job', async () => {
    const printer = await startPrinter({ closeWhenDone: false });
    const bytes = new Uint8Array([0x1b, 0x40, 0x41, 0x0a]);
    const started = Date.now();
    await sendToThermalPrinter(bytes, { host: '127.0.0.1', port: printer.port, lingerMs: 100 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([...printer.received()]).toEqual([...bytes]);
  });

  it('says which printer refused the connection', async () => {
    const port = await freePort();
    const error = await sendToThermalPrinter(new Uint8Array([0x1b, 0x40]), { host: '127.0.0.1', port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    expect((error as DomainError).message).toBe(`thermal printer at 127.0.0.1:${port} refused the connection`);
    expect((error as DomainError).details).toMatchObject({ host: '127.0.0.1', port, code: 'ECONNREFUSED' });
  });

  it('times out when the printer stops taking data', async () => {
    const printer = await startPrinter({ read: false });
    // Far more than loopback socket buffers hold, so the write stalls like a printer out of paper.
    const bytes = new Uint8Array(64 * 1024 * 1024).fill(0x41);
    const error = await sendToThermalPrinter(bytes, { host: '127.0.0.1', port: printer.port, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    expect((error as DomainError).message).toContain(`127.0.0.1:${printer.port}`);
    expect((error as DomainError).message).toContain('within 0.3 s');
  });

  it('refuses to print without a configured printer', async () => {
    const error = await sendToThermalPrinter(new Uint8Array([1]), { host: null, port: 9100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).toInfo()).toEqual({
      code: 'VALIDATION',
      message: 'no thermal printer configured',
      field: 'thermalPrinterHost',
    });
    const blank = await sendToThermalPrinter(new Uint8Array([1]), { host: '  ', port: 9100 }).catch((e: unknown) => e);
    expect((blank as DomainError).code).toBe('VALIDATION');
  });
});
