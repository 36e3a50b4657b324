import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

export const tabId = (id: string, prefix = 'settings') => `${prefix}-tab-${id}`;
export const panelId = (id: string, prefix = 'settings') => `${prefix}-panel-${id}`;

/**
 * A row of big tabs (WAI-ARIA tabs pattern): Tab reaches the current one;
 * arrow keys, Home and End move between tabs and open them.
 */
export function SettingsTabs<T extends string>({
  label,
  tabs,
  active,
  onChange,
  prefix = 'settings',
}: {
  label: string;
  tabs: readonly TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  /** Names the tabs' ids and test ids (`<prefix>-tab-<id>`), so another screen can use them too. */
  prefix?: string;
}) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const last = tabs.length - 1;
    const target: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    onChange(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) buttons.current.set(tab.id, el);
            else buttons.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(tab.id, prefix)}
          className="tabs__tab"
          data-testid={tabId(tab.id, prefix)}
          aria-selected={tab.id === active}
          aria-controls={panelId(tab.id, prefix)}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
