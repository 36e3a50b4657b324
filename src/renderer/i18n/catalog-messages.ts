import type { catalogEs } from './catalog.es';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The Catalog screen's text tree, every leaf widened to string. */
export type CatalogMessages = Widen<typeof catalogEs>;
