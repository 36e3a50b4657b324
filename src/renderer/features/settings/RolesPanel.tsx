import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { RoleGrantDto } from '../../../shared/ipc/dto-staff';
import { PERMISSIONS, type Permission } from '../../../shared/permissions';
import { useCan, usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;
const permKey = (p: Permission) => `perms.names.${p.replace('.', '_') as Underscored<Permission>}` as const;

/**
 * Permissions by role: a permission x role grid of checkboxes and each
 * role's discount limit. Admins' column is fixed (they hold everything);
 * saving sends one role at a time, and main refuses it unless the signed-in
 * user may manage users.
 */
export function RolesPanel() {
  const { t } = useTranslation();
  const pos = usePos();
  const canManage = useCan('users.manage');
  const [grants, setGrants] = useState<RoleGrantDto[]>([]);
  const [drafts, setDrafts] = useState<Record<string, { permissions: Permission[]; limitPct: string }>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const show = useCallback((result: Result<RoleGrantDto[]>) => {
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setGrants(result.value);
    setDrafts(Object.fromEntries(result.value.map((g) => [g.role, { permissions: g.permissions, limitPct: String(g.discountLimitBp / 100) }])));
  }, []);
  const load = useCallback(async () => show(await pos.staff.roles()), [pos, show]);

  useEffect(() => {
    let live = true;
    void pos.staff.roles().then((result) => live && show(result));
    return () => {
      live = false;
    };
  }, [pos, show]);

  const toggle = (role: string, p: Permission) =>
    setDrafts((d) => {
      const cur = d[role];
      if (!cur) return d;
      const has = cur.permissions.includes(p);
      return { ...d, [role]: { ...cur, permissions: has ? cur.permissions.filter((x) => x !== p) : [...cur.permissions, p] } };
    });

  const save = async (role: 'cashier' | 'manager') => {
    const draft = drafts[role];
    if (!draft) return;
    setFailure(null);
    setDone(null);
    const pct = Number(draft.limitPct.replace(',', '.'));
    const result = await pos.staff.setRoleGrant({ role, permissions: draft.permissions, discountLimitBp: Number.isFinite(pct) ? Math.round(pct * 100) : -1 });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setDone(t('perms.saved', { role: t(`roles.${role}`) }));
    await load();
  };

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="perms-title">
        <h2 id="perms-title" className="settings-section__title">
          {t('perms.heading')}
        </h2>
        <p className="form__hint">{t('perms.intro')}</p>
        {!canManage && (
          <p className="notice" data-testid="perms-read-only">
            {t('perms.readOnly')}
          </p>
        )}
        <ErrorNote error={failure} testId="perms-error" />
        {done && (
          <p className="settings-actions__feedback" role="status" data-testid="perms-done">
            ✓ {done}
          </p>
        )}
        <table className="table perms-table" data-testid="perms-table">
          <thead>
            <tr>
              <th scope="col">{t('perms.permission')}</th>
              {grants.map((g) => (
                <th key={g.role} scope="col" className="table__num">
                  {t(`roles.${g.role}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PERMISSIONS.map((p) => (
              <tr key={p}>
                <th scope="row">{t(permKey(p))}</th>
                {grants.map((g) => {
                  const id = `perm-${g.role}-${p}`;
                  return (
                    <td key={g.role} className="table__num">
                      <input
                        id={id}
                        type="checkbox"
                        className="checkbox"
                        data-testid={id}
                        aria-label={`${t(`roles.${g.role}`)}: ${t(permKey(p))}`}
                        checked={drafts[g.role]?.permissions.includes(p) ?? false}
                        disabled={!canManage || !g.editable}
                        onChange={() => toggle(g.role, p)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">
                {t('perms.discountLimit')}
                <p className="form__hint">{t('perms.discountLimitHint')}</p>
              </th>
              {grants.map((g) => (
                <td key={g.role} className="table__num">
                  <input
                    className="input input--narrow"
                    inputMode="decimal"
                    data-testid={`perm-limit-${g.role}`}
                    aria-label={`${t(`roles.${g.role}`)}: ${t('perms.discountLimit')}`}
                    value={drafts[g.role]?.limitPct ?? ''}
                    disabled={!canManage || !g.editable}
                    onChange={(e) => {
                      const limitPct = e.target.value;
                      setDrafts((d) => (d[g.role] ? { ...d, [g.role]: { ...d[g.role]!, limitPct } } : d));
                    }}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        {canManage && (
          <div className="form__actions">
            {(['cashier', 'manager'] as const).map((role) => (
              <button key={role} type="button" className="button button--primary" data-testid={`perms-save-${role}`} onClick={() => void save(role)}>
                {t('perms.save', { role: t(`roles.${role}`) })}
              </button>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
