import { actorOf } from '../actor';
import type { DomainHandlers } from '../types';

export const customerAdminHandlers: DomainHandlers<'customerAdmin'> = {
  update: ({ id, ...input }, { services, session }) => services.customerAdmin.update(actorOf(session), id, input),
  history: ({ id }, { services }) => services.customerAdmin.history(id),
  exportData: ({ id }, { services, session }) => services.customerAdmin.exportData(actorOf(session), id),
  erase: ({ id, reason }, { services, session }) => services.customerAdmin.erase(actorOf(session), id, reason),
  importCsv: ({ text }, { services, session }) => services.customerCsv.import(actorOf(session), text),
  exportCsv: (_input, { services, session }) => {
    const csv = services.customerCsv.export();
    services.writes.mutate(actorOf(session), (w) => w.audit({ action: 'customer.csv_exported', entity: 'tblclientes', details: { bytes: csv.length } }));
    return { fileName: `customers-${services.clock.now().toISOString().slice(0, 10)}.csv`, csv };
  },
};
