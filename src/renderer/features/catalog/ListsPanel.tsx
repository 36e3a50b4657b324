import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  CategoryEntry,
  ColorEntry,
  DepartmentEntry,
  ManufacturerEntry,
  OptionEntry,
  SizeEntry,
  type CatalogListName,
  type ListEntryInput,
} from '../../../shared/catalog/list-schemas';
import type { ErrorInfo } from '../../../shared/errors';
import type { CatalogLists } from '../../../shared/ipc/dto-catalog';
import { Dialog } from '../../components/Dialog';
import { setServerIssues } from '../../lib/form-errors';
import type { CatalogMessages } from '../../i18n/catalog-messages';
import { useCatalog } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { SettingsTabs } from '../settings/SettingsTabs';
import { InUseNote, isInUse } from './InUseNote';

const LIST_KEYS = {
  manufacturer: 'manufacturers',
  category: 'categories',
  option: 'options',
  color: 'colors',
  size: 'sizes',
  department: 'departments',
} as const satisfies Record<CatalogListName, keyof CatalogLists>;

type AnyEntry = CatalogLists[(typeof LIST_KEYS)[CatalogListName]][number];

type FieldKind = 'text' | 'code' | 'hex' | 'number' | 'system';
type FieldName = keyof CatalogMessages['lists']['fields'];
interface FieldDef {
  name: FieldName;
  kind: FieldKind;
  max?: number;
  /** Shown in the table. */
  column?: boolean;
}

const FIELDS: Record<CatalogListName, FieldDef[]> = {
  manufacturer: [
    { name: 'name', kind: 'text', max: 80, column: true },
    { name: 'contact', kind: 'text', max: 80, column: true },
    { name: 'phone', kind: 'text', max: 20, column: true },
  ],
  category: [
    { name: 'name', kind: 'text', max: 60, column: true },
    { name: 'description', kind: 'text', max: 200, column: true },
  ],
  option: [
    { name: 'name', kind: 'text', max: 60, column: true },
    { name: 'description', kind: 'text', max: 200, column: true },
  ],
  color: [
    { name: 'code', kind: 'code', max: 20, column: true },
    { name: 'name', kind: 'text', max: 40, column: true },
    { name: 'nameEn', kind: 'text', max: 40, column: true },
    { name: 'hex', kind: 'hex', max: 7 },
  ],
  size: [
    { name: 'sortOrder', kind: 'number', column: true },
    { name: 'code', kind: 'code', max: 10, column: true },
    { name: 'name', kind: 'text', max: 40, column: true },
    { name: 'system', kind: 'system', column: true },
  ],
  department: [
    { name: 'code', kind: 'code', max: 20, column: true },
    { name: 'name', kind: 'text', max: 40, column: true },
    { name: 'nameEn', kind: 'text', max: 40, column: true },
  ],
};

const SCHEMAS: Record<CatalogListName, z.ZodType> = {
  manufacturer: ManufacturerEntry,
  category: CategoryEntry,
  option: OptionEntry,
  color: ColorEntry,
  size: SizeEntry,
  department: DepartmentEntry,
};

const LISTS = Object.keys(LIST_KEYS) as CatalogListName[];

const cell = (entry: AnyEntry, name: string): string => {
  const value = (entry as unknown as Record<string, unknown>)[name];
  return value === null || value === undefined ? '' : String(value);
};

/** Manufacturers, categories, options, colours, sizes and genders: add, edit, delete (refused while in use). */
export function ListsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const lists = useCatalog((s) => s.lists);
  const status = useCatalog((s) => s.listsStatus);
  const error = useCatalog((s) => s.listsError);
  const loadLists = useCatalog((s) => s.loadLists);
  const deleteEntry = useCatalog((s) => s.deleteEntry);
  const [active, setActive] = useState<CatalogListName>('manufacturer');
  const [editing, setEditing] = useState<AnyEntry | 'new' | null>(null);
  const [refusal, setRefusal] = useState<ErrorInfo | null>(null);
  const [confirming, setConfirming] = useState<AnyEntry | null>(null);

  useEffect(() => {
    void loadLists();
  }, [loadLists]);

  const entries: AnyEntry[] = lists ? lists[LIST_KEYS[active]] : [];
  const columns = FIELDS[active].filter((f) => f.column);

  const remove = async (entry: AnyEntry) => {
    setConfirming(null);
    const result = await deleteEntry(active, entry.id);
    setRefusal(result.ok ? null : result.error);
  };

  return (
    <div className="settings-panel">
      <SettingsTabs
        prefix="catalog-list"
        label={t('catalog.lists.label')}
        tabs={LISTS.map((id) => ({ id, label: t(`catalog.lists.names.${id}`) }))}
        active={active}
        onChange={(id) => {
          setActive(id);
          setRefusal(null);
        }}
      />
      <section className="settings-section" aria-labelledby="catalog-list-title">
        <div className="settings-section__head">
          <h2 id="catalog-list-title" className="settings-section__title">
            {t(`catalog.lists.names.${active}`)}
          </h2>
          {canEdit && (
            <button type="button" className="button" data-testid="list-add" onClick={() => setEditing('new')}>
              + {t('catalog.lists.add')}
            </button>
          )}
        </div>
        {status === 'error' && (
          <div className="settings-list-error">
            <ErrorNote error={error} testId="lists-error" />
            <button type="button" className="button button--quiet" onClick={() => void loadLists()}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {refusal && (isInUse(refusal) ? <InUseNote error={refusal} testId="list-delete-error" /> : <ErrorNote error={refusal} testId="list-delete-error" />)}
        <table className="table" data-testid={`list-${active}`}>
          <thead>
            <tr>
              {active === 'color' && (
                <th scope="col">
                  <span className="visually-hidden">{t('catalog.lists.fields.hex')}</span>
                </th>
              )}
              {columns.map((c) => (
                <th key={c.name} scope="col" className={c.kind === 'number' ? 'table__num' : undefined}>
                  {t(`catalog.lists.fields.${c.name}`)}
                </th>
              ))}
              <th scope="col" className="table__num">
                {t(`catalog.lists.usedBy.${active === 'color' || active === 'size' ? 'variants' : 'products'}`)}
              </th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('catalog.lists.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid={`list-row-${entry.id}`}>
                {'hex' in entry && (
                  <td>
                    <span className="swatch" style={{ background: entry.hex }} title={entry.hex} aria-label={entry.hex} />
                  </td>
                )}
                {columns.map((c) => (
                  <td key={c.name} className={c.kind === 'number' ? 'table__num' : c.kind === 'code' ? 'table__code' : undefined}>
                    {c.kind === 'system' ? t(cell(entry, c.name) === 'numeric' ? 'catalog.lists.systems.numeric' : 'catalog.lists.systems.alpha') : cell(entry, c.name)}
                  </td>
                ))}
                <td className="table__num">{entry.usedBy}</td>
                {canEdit && (
                  <td className="table__actions">
                    <button type="button" className="button button--quiet" data-testid={`list-edit-${entry.id}`} onClick={() => setEditing(entry)}>
                      {t('catalog.lists.edit')}
                    </button>
                    <button type="button" className="button button--quiet button--danger-text" data-testid={`list-delete-${entry.id}`} onClick={() => setConfirming(entry)}>
                      {t('catalog.lists.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'ready' && entries.length === 0 && <p className="notice">{t('catalog.lists.empty')}</p>}
      </section>
      {editing && <EntryDialog list={active} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {confirming && (
        <Dialog testId="list-confirm-delete" title={t('catalog.lists.deleteTitle', { name: cell(confirming, 'name') || cell(confirming, 'code') })} onClose={() => setConfirming(null)} size="small">
          <p>{t('catalog.lists.deleteBody')}</p>
          <div className="form__actions">
            <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="button button--danger" data-testid="list-confirm-delete-yes" onClick={() => void remove(confirming)}>
              {t('catalog.lists.delete')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

type Draft = Record<string, string | number | null>;

const defaults = (list: CatalogListName, entry: AnyEntry | null): Draft => {
  const draft: Draft = { list, id: entry?.id ?? null };
  for (const f of FIELDS[list]) {
    const value = entry ? (entry as unknown as Record<string, string | number | null>)[f.name] : null;
    draft[f.name] = value ?? (f.kind === 'number' ? 0 : f.kind === 'system' ? 'alpha' : f.kind === 'hex' ? '#808080' : '');
  }
  return draft;
};

/** Add or edit one entry; a colour's, size's or gender's code is fixed once created. */
function EntryDialog({ list, entry, onClose }: { list: CatalogListName; entry: AnyEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const saveEntry = useCatalog((s) => s.saveEntry);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const fields = FIELDS[list];
  const names = fields.map((f) => f.name);
  const {
    register,
    handleSubmit,
    setError,
    control,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Draft, unknown, ListEntryInput>({ resolver: zodResolver(SCHEMAS[list] as z.ZodType<ListEntryInput, Draft>), defaultValues: defaults(list, entry) });

  const errorText = (name: FieldName): string | undefined => {
    const error = errors[name];
    if (!error) return undefined;
    if (error.type === 'CONFLICT') return t('catalog.lists.errors.taken');
    return t(`catalog.lists.errors.${name}`);
  };

  const submit = handleSubmit(async (input) => {
    setFailure(null);
    const result = await saveEntry(input);
    if (result.ok) return onClose();
    if (setServerIssues(result.error, names, setError).length === 0) setFailure(result.error);
  });

  const hex = String(useWatch({ control, name: 'hex' }) ?? '');

  return (
    <Dialog
      testId="list-dialog"
      size="small"
      title={entry ? t('catalog.lists.editTitle', { list: t(`catalog.lists.one.${list}`) }) : t('catalog.lists.addTitle', { list: t(`catalog.lists.one.${list}`) })}
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {fields.map((f) => {
          const id = `list-field-${f.name}`;
          const common = { id, 'data-testid': id, 'aria-invalid': Boolean(errors[f.name]) };
          return (
            <Field key={f.name} label={t(`catalog.lists.fields.${f.name}`)} htmlFor={id} error={errorText(f.name)} errorTestId={`list-error-${f.name}`}>
              {f.kind === 'system' ? (
                <select {...register(f.name)} {...common} className="input">
                  <option value="alpha">{t('catalog.lists.systems.alpha')}</option>
                  <option value="numeric">{t('catalog.lists.systems.numeric')}</option>
                </select>
              ) : f.kind === 'number' ? (
                <input {...register(f.name, { valueAsNumber: true })} {...common} className="input" type="number" min={0} max={9999} inputMode="numeric" />
              ) : f.kind === 'hex' ? (
                <div className="hex-field">
                  <input
                    type="color"
                    className="hex-field__picker"
                    aria-label={t('catalog.lists.pickColor')}
                    value={/^#[0-9a-fA-F]{6}$/.test(hex) ? hex : '#808080'}
                    onChange={(event) => setValue('hex', event.target.value.toUpperCase(), { shouldValidate: true })}
                  />
                  <input {...register(f.name)} {...common} className="input" maxLength={7} autoComplete="off" />
                </div>
              ) : (
                <input {...register(f.name)} {...common} className="input" autoComplete="off" maxLength={f.max} readOnly={f.kind === 'code' && entry !== null} />
              )}
            </Field>
          );
        })}
        <ErrorNote error={failure} testId="list-save-error" />
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="list-save" disabled={isSubmitting}>
            {t('catalog.lists.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
