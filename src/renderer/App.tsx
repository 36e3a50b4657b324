import { useEffect } from 'react';
import { Splash } from './components/Splash';
import { LoginScreen } from './features/login/LoginScreen';
import { AppShell } from './features/shell/AppShell';
import { useAppLanguage } from './i18n/use-app-language';
import { useSession, useStatus } from './stores/stores-context';

/** Loads what every screen needs, then shows the login or the shell. */
export function App() {
  const restored = useSession((s) => s.restored);
  const signedIn = useSession((s) => s.current !== null);
  const restore = useSession((s) => s.restore);
  const settingsSettled = useStatus((s) => s.publicSettings !== null || s.settings !== null || s.settingsError !== null);
  const loadSettings = useStatus((s) => s.loadSettings);
  const startPolling = useStatus((s) => s.startPolling);

  useEffect(() => {
    void restore();
  }, [restore]);
  // Signing in or out changes what may be read: the full settings only while signed in.
  useEffect(() => {
    void loadSettings();
  }, [loadSettings, signedIn]);
  useEffect(() => startPolling(), [startPolling]);
  useAppLanguage();

  // Wait for settings too, so the first screen is already in the store's language.
  if (!restored || !settingsSettled) return <Splash />;
  return signedIn ? <AppShell /> : <LoginScreen />;
}
