import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../shared/permissions';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSession } from '../../stores/stores-context';
import { panelId, SettingsTabs, tabId } from '../settings/SettingsTabs';
import { AdjustTab } from './AdjustTab';
import { CountsTab } from './CountsTab';
import { OrdersTab } from './OrdersTab';
import { StockTab } from './StockTab';
import { TransfersTab } from './TransfersTab';

type Tab = 'stock' | 'low' | 'adjust' | 'orders' | 'counts' | 'transfers';

/** Which permission opens each tab; stock and the low-stock list are for everyone signed in. */
const NEEDS: Record<Tab, Permission | null> = { stock: null, low: null, adjust: 'stock.adjust', orders: 'stock.receive', counts: 'stock.count', transfers: 'stock.transfer' };

/**
 * Inventory (F3): stock per variant, low stock, adjustments, purchase orders
 * and receipts, counts and transfers. A tab the user's role may not use is
 * not shown; main refuses its channels anyway.
 */
export function InventoryScreen() {
  const { t } = useTranslation();
  const granted = useSession((s) => s.current?.grant.permissions) ?? [];
  const tabs = (Object.keys(NEEDS) as Tab[]).filter((tab) => NEEDS[tab] === null || granted.includes(NEEDS[tab]!));
  const [active, setActive] = useState<Tab>('stock');
  // Panels mount when first opened and then stay, so switching tabs keeps what was typed.
  const [opened, setOpened] = useState<Set<Tab>>(() => new Set(['stock']));

  const panels: Record<Tab, () => ReactNode> = {
    stock: () => <StockTab testId="stock" />,
    low: () => <StockTab testId="low" lowOnly />,
    adjust: () => <AdjustTab />,
    orders: () => <OrdersTab />,
    counts: () => <CountsTab />,
    transfers: () => <TransfersTab />,
  };

  return (
    <ScreenFrame name="inventory" title={t('screens.inventory.title')}>
      <SettingsTabs
        label={t('inv.tabs.label')}
        tabs={tabs.map((id) => ({ id, label: t(`inv.tabs.${id}`) }))}
        active={active}
        onChange={(id) => {
          setActive(id);
          setOpened((o) => new Set(o).add(id));
        }}
      />
      {tabs.map((id) => (
        <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} className="settings-tabpanel backoffice-panel" hidden={id !== active} data-testid={`inv-tab-${id}`}>
          {opened.has(id) && panels[id]()}
        </div>
      ))}
    </ScreenFrame>
  );
}
