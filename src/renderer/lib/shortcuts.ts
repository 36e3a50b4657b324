import { useEffect } from 'react';
import { tinykeys } from 'tinykeys';

export type Bindings = Record<string, (event: KeyboardEvent) => void>;

const isMac = (): boolean => typeof navigator === 'object' && /Mac|iPod|iPhone|iPad/.test(navigator.platform);

/** Sign out: Ctrl+Shift+L (⌘⇧L on a Mac). */
export const LOGOUT_BINDING = '$mod+Shift+L';

/** How a binding is written on a button. */
export function shortcutLabel(binding: string): string {
  const mac = isMac();
  return binding
    .split('+')
    .map((part) => {
      if (part === '$mod') return mac ? '⌘' : 'Ctrl';
      if (part === 'Shift') return mac ? '⇧' : 'Shift';
      if (part === 'Alt') return mac ? '⌥' : 'Alt';
      return part;
    })
    .join(mac ? '' : '+');
}

/** The aria-keyshortcuts spelling of a binding. */
export function ariaShortcut(binding: string): string {
  return binding.replace('$mod', isMac() ? 'Meta' : 'Control');
}

/**
 * Binds keys on window while mounted. Function keys and chords work even when
 * focus is in a text field (a scanner or a search box must not trap them).
 * Pass a memoized object: a new one re-binds.
 */
export function useShortcuts(bindings: Bindings): void {
  useEffect(
    () =>
      tinykeys(window, bindings, {
        ignore: (event) => event.repeat || event.isComposing,
      }),
    [bindings],
  );
}
