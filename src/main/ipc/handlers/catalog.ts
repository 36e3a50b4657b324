import { labelsToPdf } from '../../labels/label-pdf';
import { labelsToZpl } from '../../labels/zpl';
import { actorOf } from '../actor';
import type { SessionState } from '../session-state';
import type { DomainHandlers } from '../types';

/** Cost prices are shown only to roles holding `costs.view`. */
const seesCosts = (session: SessionState): boolean => session.current?.grant.permissions.includes('costs.view') ?? false;
const withoutCost = <T extends { costPrice: number | null }>(product: T, session: SessionState): T => (seesCosts(session) ? product : { ...product, costPrice: null });

export const catalogHandlers: DomainHandlers<'catalog'> = {
  search: ({ query, limit }, { services }) => services.catalog.search(query, limit ?? 20),
  grid: ({ productId }, { services }) => services.catalog.grid(productId),
  lists: (_input, { services }) => services.catalogLists.lists(),
  saveListEntry: (input, { services, session }) => {
    services.catalogLists.save(input, actorOf(session));
    return services.catalogLists.lists();
  },
  deleteListEntry: ({ list, id }, { services, session }) => {
    services.catalogLists.remove(list, id, actorOf(session));
    return services.catalogLists.lists();
  },
  products: (query, { services }) => services.productList.query(query),
  product: ({ productId }, { services, session }) => withoutCost(services.productEditor.load(productId), session),
  saveProduct: (input, { services, session }) => {
    // Whoever may not see costs cannot change one either: the stored cost stays.
    const costPrice = seesCosts(session) ? input.costPrice : input.productId === null ? null : services.productEditor.load(input.productId).costPrice;
    const { productId, generatedBarcodes } = services.productEditor.save({ ...input, costPrice }, actorOf(session));
    return { ...withoutCost(services.productEditor.load(productId), session), generatedBarcodes };
  },
  importStart: ({ text }, { services, session }) => services.csvJobs.start(text, actorOf(session)),
  importStatus: ({ jobId }, { services }) => services.csvJobs.status(jobId),
  exportCsv: (_input, { services }) => services.csvExport.products(),
  labels: ({ source }, { services }) => services.labels.labels(source),
  labelsPdf: async ({ source, sheet, skip }, { services }) => {
    const { pdf, pages, count } = await labelsToPdf(services.labels.labels(source), sheet, skip, services.clock.now());
    return { base64: pdf.toString('base64'), pages, count };
  },
  labelsZpl: ({ source, widthDots, heightDots }, { services }) => {
    const labels = services.labels.labels(source);
    return { zpl: labelsToZpl(labels, { widthDots, heightDots }), count: labels.reduce((n, l) => n + l.copies, 0) };
  },
};
