import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachScanner, createScanBuffer, SCAN_MAX_GAP_MS, stripScannedText, type ScanStep } from './scanner';

/** Feeds `text` then Enter, one key every `gap` ms from `start`; returns every step. */
function feed(text: string, gap: number, start = 1000, enterGap = gap) {
  const buffer = createScanBuffer();
  const steps: ScanStep[] = [];
  let time = start;
  for (const key of text) {
    steps.push(buffer.feed({ key, time }));
    time += gap;
  }
  steps.push(buffer.feed({ key: 'Enter', time: time - gap + enterGap }));
  return steps;
}

describe('scan buffer', () => {
  it('turns a fast burst ending in Enter into a scan', () => {
    const steps = feed('7701234567890', 8);
    expect(steps.at(-1)).toEqual({ type: 'scan', code: '7701234567890' });
    expect(steps[0]).toEqual({ type: 'char', continues: false });
    expect(steps.slice(1, -1).every((s) => s.type === 'char' && s.continues)).toBe(true);
  });

  it('does not treat slow typing as a scan', () => {
    const steps = feed('7701234567890', 120);
    expect(steps.at(-1)).toEqual({ type: 'pass' });
    expect(steps.slice(0, -1).every((s) => s.type === 'char' && !s.continues)).toBe(true);
  });

  it('needs at least 4 fast characters, and Enter must come fast too', () => {
    expect(feed('123', 5).at(-1)).toEqual({ type: 'pass' });
    expect(feed('1234', 5).at(-1)).toEqual({ type: 'scan', code: '1234' });
    expect(feed('1234', 5, 0, SCAN_MAX_GAP_MS + 40).at(-1)).toEqual({ type: 'pass' });
    expect(feed('1234', SCAN_MAX_GAP_MS).at(-1)).toEqual({ type: 'scan', code: '1234' });
    expect(feed('1234', SCAN_MAX_GAP_MS + 1).at(-1)).toEqual({ type: 'pass' });
  });

  it('starts a new burst after a pause, so typed text before a scan is not part of the code', () => {
    const buffer = createScanBuffer();
    buffer.feed({ key: 'a', time: 0 });
    buffer.feed({ key: 'b', time: 200 });
    let time = 600;
    for (const key of '1001') buffer.feed({ key, time: (time += 6) });
    expect(buffer.feed({ key: 'Enter', time: time + 6 })).toEqual({ type: 'scan', code: '1001' });
  });

  it('lets Shift through without breaking a burst, and a chord or arrow key breaks it', () => {
    const buffer = createScanBuffer();
    let time = 0;
    for (const key of ['Shift', 'A', 'B', 'Shift', 'C', '1']) expect(buffer.feed({ key, time: (time += 5) }).type).not.toBe('scan');
    expect(buffer.feed({ key: 'Enter', time: (time += 5) })).toEqual({ type: 'scan', code: 'ABC1' });

    for (const key of '1234') buffer.feed({ key, time: (time += 5) });
    expect(buffer.feed({ key: 'ArrowDown', time: (time += 5) })).toEqual({ type: 'pass' });
    expect(buffer.feed({ key: 'Enter', time: (time += 5) })).toEqual({ type: 'pass' });

    for (const key of '1234') buffer.feed({ key, time: (time += 5) });
    expect(buffer.feed({ key: 'v', time: time + 5, ctrlKey: true })).toEqual({ type: 'pass' });
    expect(buffer.pending).toBe('');
  });

  it('ignores auto-repeat of a held key', () => {
    const buffer = createScanBuffer();
    let time = 0;
    buffer.feed({ key: '1', time });
    for (let i = 0; i < 6; i++) buffer.feed({ key: '1', time: (time += 30), repeat: true });
    expect(buffer.feed({ key: 'Enter', time: time + 5 })).toEqual({ type: 'pass' });
  });
});

describe('stripScannedText', () => {
  it('removes the scanned tail just before the caret, whole or all but the first key', () => {
    expect(stripScannedText('ab7701', 6, '7701')).toEqual({ value: 'ab', caret: 2 });
    expect(stripScannedText('ab701', 5, '7701')).toEqual({ value: 'ab', caret: 2 });
    expect(stripScannedText('a7701b', 5, '7701')).toEqual({ value: 'ab', caret: 1 });
    expect(stripScannedText('abc', 3, '7701')).toBeNull();
  });
});

describe('attachScanner on a document', () => {
  let detach: (() => void) | undefined;
  afterEach(() => {
    detach?.();
    document.body.innerHTML = '';
  });

  function setup(ownsEnter?: (element: Element | null, code: string) => boolean) {
    let clock = 0;
    const onScan = vi.fn<(code: string) => void>();
    detach = attachScanner(document, { onScan, now: () => clock, ...(ownsEnter ? { ownsEnter } : {}) });
    return {
      onScan,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }

  /**
   * Types into the focused element the way a browser would: keydown, then,
   * unless prevented, the character lands in the field at the caret.
   */
  function type(key: string, target: Element = document.activeElement ?? document.body) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    const notPrevented = target.dispatchEvent(event);
    if (notPrevented && key.length === 1 && target instanceof HTMLInputElement) {
      const at = target.selectionEnd ?? target.value.length;
      target.value = target.value.slice(0, at) + key + target.value.slice(at);
      target.setSelectionRange(at + 1, at + 1);
    }
    return event;
  }

  it('captures a burst ending in Enter inside an ordinary input and takes the digits back out', () => {
    const { onScan, advance } = setup();
    const input = document.createElement('input');
    input.value = 'Ana';
    document.body.append(input);
    input.focus();
    input.setSelectionRange(3, 3);
    const changes: string[] = [];
    input.addEventListener('input', () => changes.push(input.value));
    const enterSeenByField = vi.fn();
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') enterSeenByField();
    });

    for (const key of '7701234567890') {
      type(key, input);
      advance(7);
    }
    expect(input.value).toBe('Ana7701234567890');
    const enter = type('Enter', input);

    expect(onScan).toHaveBeenCalledWith('7701234567890');
    expect(enter.defaultPrevented).toBe(true);
    expect(enterSeenByField).not.toHaveBeenCalled();
    expect(input.value).toBe('Ana');
    expect(changes.at(-1)).toBe('Ana');
  });

  it('leaves a burst in the scan box to the box, which has the whole code even if the burst stalled', () => {
    const box = document.createElement('input');
    document.body.append(box);
    box.focus();
    const { onScan, advance } = setup((el, code) => el === box && box.value.endsWith(code));
    const enterSeenByBox = vi.fn();
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') enterSeenByBox(box.value);
    });
    for (const [i, key] of [...'2041234567895'].entries()) {
      type(key, box);
      advance(i === 2 ? 200 : 7); // the machine stalls after three digits
    }
    const enter = type('Enter', box);
    expect(onScan).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(false);
    expect(enterSeenByBox).toHaveBeenCalledWith('2041234567895');
  });

  it('scans from the buffer when the box lacks the first keys (focus moved into it mid-burst)', () => {
    const box = document.createElement('input');
    const button = document.createElement('button');
    document.body.append(box, button);
    button.focus();
    const { onScan, advance } = setup((el, code) => el === box && box.value.endsWith(code));
    type('2', button);
    box.focus();
    for (const key of '041234567895') {
      advance(7);
      type(key, box);
    }
    advance(7);
    type('Enter', box);
    expect(onScan).toHaveBeenCalledWith('2041234567895');
    expect(box.value).toBe('');
  });

  it('leaves slow typing in an input alone, Enter included', () => {
    const { onScan, advance } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const enterSeenByField = vi.fn();
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') enterSeenByField();
    });

    for (const key of '12345') {
      type(key, input);
      advance(150);
    }
    const enter = type('Enter', input);

    expect(onScan).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(false);
    expect(enterSeenByField).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('12345');
  });

  it('captures a scan when focus is on no field at all, and keeps the burst from other key handlers', () => {
    const { onScan, advance } = setup();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const seenByWindow: string[] = [];
    const onWindow = (e: KeyboardEvent) => seenByWindow.push(e.key);
    window.addEventListener('keydown', onWindow);

    for (const key of 'A-12') {
      type(key, button);
      advance(5);
    }
    type('Enter', button);
    window.removeEventListener('keydown', onWindow);

    expect(onScan).toHaveBeenCalledWith('A-12');
    // Only the first key (not yet known to be a scan) got through.
    expect(seenByWindow).toEqual(['A']);
  });

  it('never reads a password or data-scanner="off" field', () => {
    const { onScan, advance } = setup();
    const pin = document.createElement('input');
    pin.type = 'password';
    document.body.append(pin);
    pin.focus();
    for (const key of '1397') {
      type(key, pin);
      advance(3);
    }
    type('Enter', pin);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('stops listening once detached', () => {
    const { onScan } = setup();
    detach?.();
    for (const key of '12345') type(key, document.body);
    type('Enter', document.body);
    expect(onScan).not.toHaveBeenCalled();
  });
});
