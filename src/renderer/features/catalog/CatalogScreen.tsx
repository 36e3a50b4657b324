import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCan } from '../../stores/stores-context';
import { panelId, SettingsTabs, tabId, type TabItem } from '../settings/SettingsTabs';
import { CsvPanel } from './CsvPanel';
import { ListsPanel } from './ListsPanel';
import { ProductEditor } from './ProductEditor';
import { ProductsPanel } from './ProductsPanel';

type Tab = 'products' | 'lists' | 'csv';

/** Catalog (F2): the product list and the lists products are described with. Managers edit; cashiers look things up. */
export function CatalogScreen() {
  const { t } = useTranslation();
  const canEdit = useCan('catalog.manage');
  const [active, setActive] = useState<Tab>('products');
  /** The product open in the editor ('new' for a new one); the list stays mounted underneath, keeping its scroll. */
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const onImported = useCallback(() => setListVersion((v) => v + 1), []);
  const tabs: TabItem<Tab>[] = (canEdit ? (['products', 'lists', 'csv'] as const) : (['products', 'lists'] as const)).map((id) => ({
    id,
    label: id === 'csv' ? t('catalog.csv.tab') : t(`catalog.tabs.${id}`),
  }));

  const panels: Record<Tab, ReactNode> = {
    products: (
      <>
        {editing !== null && (
          <ProductEditor
            productId={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
            onSaved={(id) => {
              setEditing(id);
              setListVersion((v) => v + 1);
            }}
          />
        )}
        <div hidden={editing !== null}>
          <ProductsPanel
            version={listVersion}
            onOpen={canEdit ? (id) => setEditing(id) : null}
            toolbar={
              canEdit ? (
                <button type="button" className="button button--primary" data-testid="product-new" onClick={() => setEditing('new')}>
                  + {t('catalog.editor.newProduct')}
                </button>
              ) : null
            }
          />
        </div>
      </>
    ),
    lists: <ListsPanel canEdit={canEdit} />,
    csv: canEdit ? <CsvPanel onImported={onImported} /> : null,
  };

  return (
    <ScreenFrame name="catalog" title={t('screens.catalog.title')}>
      <SettingsTabs prefix="catalog" label={t('catalog.tabs.label')} tabs={tabs} active={active} onChange={setActive} />
      {tabs.map(({ id }) => (
        <div key={id} role="tabpanel" id={panelId(id, 'catalog')} aria-labelledby={tabId(id, 'catalog')} className="settings-tabpanel catalog-tabpanel" hidden={id !== active}>
          {panels[id]}
        </div>
      ))}
    </ScreenFrame>
  );
}
