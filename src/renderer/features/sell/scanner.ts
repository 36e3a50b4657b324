/**
 * Barcode scanner capture. A scanner is a keyboard that types a code very fast
 * and ends with Enter; a person types slower. Two layers:
 *
 * - `createScanBuffer`: pure. Fed key presses with their times, it says whether
 *   each one is part of a fast burst and when an Enter closes a burst (a scan).
 * - `attachScanner`: the DOM side. A capture-phase keydown listener on the
 *   document that feeds the buffer, submits scans wherever focus is, keeps the
 *   burst's Enter from reaching anything else, and takes the scanned characters
 *   back out of whatever text field they landed in. Slow typing is never touched.
 */

/** Longest gap between two keys of one burst. People rarely type this fast for long. */
export const SCAN_MAX_GAP_MS = 50;
/** Shortest code that counts as a scan. */
export const SCAN_MIN_LENGTH = 4;

export interface ScanBufferOptions {
  maxGapMs?: number;
  minLength?: number;
}

export interface ScanKey {
  key: string;
  /** Milliseconds, any monotonic origin. */
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat of a held key. */
  repeat?: boolean;
}

export type ScanStep =
  /** Not scanner input (a slow Enter, a function key, a chord): leave it alone. */
  | { type: 'pass' }
  /** A printable character, buffered. `continues` is true when it came fast after the previous one. */
  | { type: 'char'; continues: boolean }
  /** Enter closing a fast burst of at least `minLength` characters. */
  | { type: 'scan'; code: string };

/** Keys that only modify the next key (a scanner sends Shift for capitals): they neither break nor extend a burst. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

/** One character typed, not a chord. (Ctrl+Alt together is AltGr on Windows: still a character.) */
export const isPrintableKey = (key: Pick<ScanKey, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean =>
  key.key.length === 1 && !key.metaKey && Boolean(key.ctrlKey) === Boolean(key.altKey);

export interface ScanBuffer {
  feed(key: ScanKey): ScanStep;
  /** Forget the burst in progress. */
  reset(): void;
  /** The characters buffered so far (for tests and diagnostics). */
  readonly pending: string;
}

export function createScanBuffer(options: ScanBufferOptions = {}): ScanBuffer {
  const maxGap = options.maxGapMs ?? SCAN_MAX_GAP_MS;
  const minLength = options.minLength ?? SCAN_MIN_LENGTH;
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    last = Number.NEGATIVE_INFINITY;
  };

  return {
    get pending() {
      return buffer;
    },
    reset,
    feed(key) {
      if (MODIFIER_KEYS.has(key.key)) return { type: 'pass' };
      if (key.repeat) {
        reset();
        return { type: 'pass' };
      }
      const fast = buffer.length > 0 && key.time - last <= maxGap;
      if (key.key === 'Enter' && !key.ctrlKey && !key.metaKey && !key.altKey) {
        const code = buffer;
        reset();
        return fast && code.length >= minLength ? { type: 'scan', code } : { type: 'pass' };
      }
      if (!isPrintableKey(key)) {
        reset();
        return { type: 'pass' };
      }
      buffer = fast ? buffer + key.key : key.key;
      last = key.time;
      return { type: 'char', continues: fast };
    },
  };
}

/** Text fields whose content the scanner may have typed into. */
type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'number', 'email', 'url', '']);

export function textFieldOf(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return target;
  return null;
}

/** Fields the scanner must leave alone entirely (PINs, passwords, anything marked data-scanner="off"). */
function isOffLimits(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement && target.type === 'password') return true;
  return target.closest('[data-scanner="off"]') !== null;
}

/**
 * Sets a field's value so React's onChange sees it: through the prototype's
 * setter (React tracks the instance's own), then an `input` event.
 */
export function setFieldValue(field: TextField, value: string, caret?: number): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret !== undefined) {
    try {
      field.setSelectionRange(caret, caret);
    } catch {
      // type=number and a few others have no selection API.
    }
  }
}

/**
 * Takes the scanned characters back out of a field: the longest tail of
 * `code` that sits just before the caret. (The first character of a burst
 * cannot be told from a keystroke until the second arrives, so it may be
 * there alone, or with the rest.)
 */
export function stripScannedText(value: string, caret: number, code: string): { value: string; caret: number } | null {
  for (let n = Math.min(code.length, caret); n > 0; n--) {
    if (value.slice(caret - n, caret) === code.slice(code.length - n)) {
      return { value: value.slice(0, caret - n) + value.slice(caret), caret: caret - n };
    }
  }
  return null;
}

function caretOf(field: TextField): number {
  try {
    return field.selectionEnd ?? field.value.length;
  } catch {
    return field.value.length;
  }
}

export interface AttachScannerOptions extends ScanBufferOptions {
  onScan(code: string): void;
  /**
   * True for a field that handles its own Enter with its whole text (the scan
   * box) and already holds the scanned code: the burst is left to it. If the
   * machine stalls mid-burst the buffer holds only the tail, the field the
   * whole code. If keys landed elsewhere first (focus moved mid-burst), the
   * field lacks them and the buffer's code is used instead.
   */
  ownsEnter?: (element: Element | null, code: string) => boolean;
  /** Monotonic clock in ms (performance.now by default). */
  now?: () => number;
}

/** Listens on `doc` (capture phase) while attached; returns the detach function. */
export function attachScanner(doc: Document, options: AttachScannerOptions): () => void {
  const buffer = createScanBuffer(options);
  const now = options.now ?? (() => performance.now());

  const listener = (event: KeyboardEvent) => {
    if (event.isComposing || isOffLimits(event.target)) {
      buffer.reset();
      return;
    }
    const step = buffer.feed({
      key: event.key,
      time: now(),
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
    });
    if (step.type === 'char') {
      // Past the first character a burst is clearly a scanner: keep its
      // characters from reaching shortcuts ('+', '-') and other key handlers.
      // The default action (text landing in a field) still happens; we undo it on Enter.
      if (step.continues) event.stopPropagation();
      return;
    }
    if (step.type !== 'scan') return;
    if (options.ownsEnter?.(doc.activeElement, step.code)) return;
    event.preventDefault();
    event.stopPropagation();
    const field = textFieldOf(doc.activeElement);
    if (field) {
      const stripped = stripScannedText(field.value, caretOf(field), step.code);
      if (stripped) setFieldValue(field, stripped.value, stripped.caret);
    }
    options.onScan(step.code);
  };

  doc.addEventListener('keydown', listener, true);
  return () => doc.removeEventListener('keydown', listener, true);
}
