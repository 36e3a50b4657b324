/**
 * Scan speed (issue #7, item 16): typing into the scan box renders nothing per
 * character, and a scan re-renders only the lines it changed. Renders are
 * counted through the texts each component asks i18next for.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type * as ReactI18next from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

const asked = vi.hoisted(() => new Map<string, number>());

vi.mock('react-i18next', async (importOriginal) => {
  const original = await importOriginal<typeof ReactI18next>();
  return {
    ...original,
    useTranslation: (...args: Parameters<typeof original.useTranslation>) => {
      const result = original.useTranslation(...args);
      const t = ((key: string, ...rest: unknown[]) => {
        asked.set(key, (asked.get(key) ?? 0) + 1);
        return (result.t as unknown as (...a: unknown[]) => string)(key, ...rest);
      }) as unknown as typeof result.t;
      return Object.assign([t, result.i18n, result.ready], { ...result, t });
    },
  };
});

const lines = () => [...screen.getByTestId('cart').querySelectorAll<HTMLElement>('[data-line-id]')];
/** Renders of the scan box and of cart lines since the last reset. */
const renders = () => ({ scanBox: asked.get('sell.scan.placeholder') ?? 0, lines: asked.get('sell.cart.size') ?? 0 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function typeIntoScanBox(text: string) {
  const box = screen.getByTestId('scan-input') as HTMLInputElement;
  await act(async () => {
    for (const key of text) {
      fireEvent.keyDown(box, { key });
      fireEvent.change(box, { target: { value: box.value + key } });
    }
  });
  return box;
}

describe('scan speed', () => {
  it('does not re-render the scan box for each typed character', async () => {
    const pos = await createRealPos({ as: 'cashier' });
    const { barcode } = pos.stocked()[0]!;
    renderApp(pos.api);
    await screen.findByTestId('screen-sell');
    await waitFor(() => expect(pos.calls.some((c) => c.channel === 'sales.current')).toBe(true));

    asked.clear();
    const box = await typeIntoScanBox(barcode);
    expect(box.value).toBe(barcode);
    expect(renders().scanBox).toBe(0);

    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(box.value).toBe('');
  });

  it('re-renders only the lines a scan changed', async () => {
    const pos = await createRealPos({ as: 'cashier' });
    renderApp(pos.api);
    await screen.findByTestId('screen-sell');
    // Seven different variants in stock, from several products.
    const variants = pos.stocked().filter((_, i) => i % 9 === 0).slice(0, 7).map((v) => v.barcode);
    expect(new Set(variants).size).toBe(7);
    for (const [i, barcode] of variants.entries()) {
      await typeIntoScanBox(barcode);
      await act(async () => {
        fireEvent.keyDown(screen.getByTestId('scan-input'), { key: 'Enter' });
      });
      await waitFor(() => expect(lines()).toHaveLength(i + 1));
    }

    // One more of the first line: it changes, the last one is no longer selected; the rest stay as they were.
    asked.clear();
    await typeIntoScanBox(variants[0]!);
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId('scan-input'), { key: 'Enter' });
    });
    await waitFor(() => expect(screen.getByTestId(`line-qty-${lines()[0]?.dataset.lineId}`)).toHaveProperty('value', '2'));
    expect(renders().lines).toBeGreaterThan(0);
    expect(renders().lines).toBeLessThanOrEqual(2 * 2);
    expect(renders().lines).toBeLessThan(variants.length);
  });
});
