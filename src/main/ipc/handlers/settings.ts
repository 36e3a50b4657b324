import { DomainError } from '../../../shared/errors';
import type { CategoryTaxDto } from '../../../shared/ipc/dto';
import { actorOf } from '../actor';
import type { CallContext, DomainHandlers } from '../types';

const categories = ({ services }: CallContext): CategoryTaxDto[] =>
  services.db.sqlite
    .prepare<[], CategoryTaxDto>(
      `SELECT c.id_catgoria AS id, c.nombre AS name, t.code AS taxCode,
              (SELECT COUNT(*) FROM tblcategoriasXproducto cp WHERE cp.ID_categoria = c.id_catgoria) AS productCount
       FROM tblcategorias c LEFT JOIN tax_rates t ON t.id = c.tax_rate_id ORDER BY c.nombre`,
    )
    .all();

export const settingsHandlers: DomainHandlers<'settings'> = {
  storePublic: (_input, { services }) => {
    const { storeName, currency, locale } = services.settings.store();
    return { storeName, currency, locale };
  },
  store: (_input, { services }) => services.settings.store(),

  updateStore: (patch, { services, session }) => {
    if (patch.defaultTaxCode !== undefined && !services.taxes.list().some((r) => r.code === patch.defaultTaxCode)) {
      throw new DomainError('VALIDATION', `no active tax rate ${patch.defaultTaxCode}`, 'defaultTaxCode');
    }
    return services.settings.updateStore(patch, actorOf(session));
  },

  taxRates: (_input, { services }) => services.taxAdmin.list().map(({ code, name, rateBp, active }) => ({ code, name, rateBp, active })),

  saveTaxRate: (input, ctx) => {
    ctx.services.taxAdmin.save(input, actorOf(ctx.session).id);
    return ctx.services.taxAdmin.list().map(({ code, name, rateBp, active }) => ({ code, name, rateBp, active }));
  },

  categories: (_input, ctx) => categories(ctx),

  assignTaxRate: ({ target, id, taxCode }, ctx) => {
    ctx.services.taxAdmin.assign(target, id, taxCode, actorOf(ctx.session).id);
    return categories(ctx);
  },
};
