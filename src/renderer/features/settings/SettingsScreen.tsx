import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCan, useSettings, useStatus } from '../../stores/stores-context';
import { AuditPanel } from './AuditPanel';
import { RolesPanel } from './RolesPanel';
import { ErrorNote } from '../sell/FormBits';
import { AboutPanel } from './AboutPanel';
import { panelId, SettingsTabs, tabId, type TabItem } from './SettingsTabs';
import { StaffPanel } from './StaffPanel';
import { StoreFacts } from './StoreFacts';
import { StoreSettingsForm } from './StoreSettingsForm';
import { SyncPanel } from './SyncPanel';
import { TaxesPanel } from './TaxesPanel';
import { UpdatesPanel } from './UpdatesPanel';

type Tab = 'store' | 'taxes' | 'staff' | 'roles' | 'audit' | 'sync' | 'updates' | 'about';

/**
 * Store, taxes, staff, sync, updates and about, by role: cashiers read the store's
 * settings, the sync and updates pages and the about panel; managers edit the store and
 * taxes, see the staff and start a sync; admins also add and disable staff and manage updates. Every panel stays mounted while the
 * screen is open, so switching tabs keeps unsaved edits.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useStatus((s) => s.settings);
  const settingsError = useStatus((s) => s.settingsError);
  const loadSettings = useStatus((s) => s.loadSettings);
  const loadRates = useSettings((s) => s.loadRates);
  const [active, setActive] = useState<Tab>('store');
  const canEdit = useCan('settings.manage');
  const isAdmin = useCan('users.manage');
  const canAudit = useCan('reports.view');
  const canUpdate = useCan('updates.manage');

  useEffect(() => {
    void loadRates();
  }, [loadRates]);

  const shown: Tab[] = [
    'store',
    ...(canEdit ? (['taxes'] as const) : []),
    ...(canEdit || isAdmin ? (['staff', 'roles'] as const) : []),
    ...(canAudit ? (['audit'] as const) : []),
    'sync',
    'updates',
    'about',
  ];
  const tabs: TabItem<Tab>[] = shown.map((id) => ({ id, label: t(`settings.tabs.${id}`) }));

  const storePanel: ReactNode = !settings ? (
    <div className="settings-list-error">
      <p>{t('settings.loadFailed')}</p>
      <ErrorNote error={settingsError} testId="settings-load-error" />
      <button type="button" className="button button--quiet" onClick={() => void loadSettings()}>
        {t('app.retry')}
      </button>
    </div>
  ) : canEdit ? (
    <StoreSettingsForm settings={settings} active={active === 'store'} />
  ) : (
    <StoreFacts settings={settings} />
  );

  const panels: Record<Tab, ReactNode> = {
    store: storePanel,
    taxes: canEdit ? <TaxesPanel /> : null,
    staff: canEdit || isAdmin ? <StaffPanel canManage={isAdmin} /> : null,
    roles: canEdit || isAdmin ? <RolesPanel /> : null,
    audit: canAudit ? <AuditPanel /> : null,
    sync: <SyncPanel canSync={canEdit} />,
    updates: <UpdatesPanel isAdmin={canUpdate} active={active === 'updates'} />,
    about: <AboutPanel />,
  };

  return (
    <ScreenFrame name="settings" title={t('screens.settings.title')}>
      {!canEdit && (
        <p className="notice" data-testid="settings-read-only">
          {t('settings.readOnlyNote')}
        </p>
      )}
      <SettingsTabs label={t('settings.tabs.label')} tabs={tabs} active={active} onChange={setActive} />
      {tabs.map(({ id }) => (
        <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} className="settings-tabpanel" hidden={id !== active}>
          {panels[id]}
        </div>
      ))}
    </ScreenFrame>
  );
}
