/**
 * Sends ESC/POS bytes to a network receipt printer over raw TCP (the
 * "port 9100" / JetDirect protocol every Ethernet thermal printer speaks).
 * No driver, no spooler: connect, write, half-close, done. Failures become
 * DomainErrors naming host:port so the cashier knows which printer to check.
 */
import net from 'node:net';
import { DomainError } from '../../shared/errors';

export interface PrinterTarget {
  host: string | null;
  port: number;
  /** Give up when the printer makes no progress for this long (connect or write); default 5 s. */
  timeoutMs?: number;
  /**
   * After the last byte is handed to the network, how long to wait for the
   * printer to close its side before closing ours; default 1 s. Closing at
   * once could reset the connection while the printer still reads.
   */
  lingerMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_LINGER_MS = 1_000;

export function sendToThermalPrinter(bytes: Uint8Array, target: PrinterTarget): Promise<void> {
  const host = target.host?.trim();
  if (!host) {
    return Promise.reject(new DomainError('VALIDATION', 'no thermal printer configured', 'thermalPrinterHost'));
  }
  const { port } = target;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    return Promise.reject(new DomainError('VALIDATION', 'thermal printer port must be 1-65535', 'thermalPrinterPort'));
  }
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const lingerMs = target.lingerMs ?? DEFAULT_LINGER_MS;
  const where = `${host}:${port}`;

  return new Promise<void>((resolve, reject) => {
    let sent = false;
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (error?: DomainError) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };

    socket.setTimeout(timeoutMs);
    // Printers may send status bytes back; read and drop them so they never stall the connection.
    socket.resume();
    socket.on('connect', () => {
      socket.end(bytes);
    });
    // 'finish': every byte was handed to the operating system; from now on only the goodbye is pending.
    socket.on('finish', () => {
      sent = true;
      socket.setTimeout(lingerMs);
    });
    socket.on('timeout', () => {
      if (sent) finish();
      else {
        const stage = socket.connecting ? 'did not answer' : 'stopped taking data (paper out or cover open?)';
        finish(new DomainError('CONFLICT', `thermal printer at ${where} ${stage} within ${timeoutMs / 1000} s`, 'thermalPrinterHost', {
          host,
          port,
          code: 'ETIMEDOUT',
        }));
      }
    });
    socket.on('close', () => {
      if (sent) finish();
      else finish(new DomainError('CONFLICT', `thermal printer at ${where} closed the connection before the receipt was sent`, 'thermalPrinterHost', { host, port }));
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'UNKNOWN';
      // Some printers reset instead of closing politely once they have read the job; everything was already sent.
      if (sent && code === 'ECONNRESET') return finish();
      const why =
        code === 'ECONNREFUSED'
          ? 'refused the connection'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? 'could not be found'
            : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
              ? 'is unreachable'
              : `failed (${code})`;
      finish(new DomainError('CONFLICT', `thermal printer at ${where} ${why}`, 'thermalPrinterHost', { host, port, code }));
    });
  });
}
