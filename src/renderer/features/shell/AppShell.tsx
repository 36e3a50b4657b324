import { useEffect, useMemo } from 'react';
import { LOGOUT_BINDING, useShortcuts, type Bindings } from '../../lib/shortcuts';
import { useNav, useSession } from '../../stores/stores-context';
import { NavBar } from './NavBar';
import { SCREEN_ENTRIES } from './screens';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** Everything after login: top bar, navigation, the current screen, status bar. */
export function AppShell() {
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const reset = useNav((s) => s.reset);
  const logout = useSession((s) => s.logout);

  // The next person to sign in starts at Sell.
  useEffect(() => reset, [reset]);

  const bindings = useMemo<Bindings>(() => {
    const map: Bindings = {};
    for (const entry of SCREEN_ENTRIES) {
      map[entry.shortcut] = (event) => {
        event.preventDefault();
        go(entry.name);
      };
    }
    map[LOGOUT_BINDING] = (event) => {
      event.preventDefault();
      void logout();
    };
    return map;
  }, [go, logout]);
  useShortcuts(bindings);

  const Current = (SCREEN_ENTRIES.find((entry) => entry.name === screen) ?? SCREEN_ENTRIES[0])?.Component;

  return (
    <div className="shell" data-testid="app-shell">
      <TopBar onLogout={() => void logout()} />
      <div className="shell__body">
        <NavBar />
        <main className="shell__main">{Current && <Current key={screen} />}</main>
      </div>
      <StatusBar />
    </div>
  );
}
