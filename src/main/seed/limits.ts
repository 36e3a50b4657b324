/**
 * Bounds and defaults of the demo seed, in a module with no imports so the
 * CLI can show and check them without loading the database code.
 */
export const MAX_DEMO_PRODUCTS = 200_000;
export const DEFAULT_DEMO_PRODUCTS = 500;
export const DEFAULT_DEMO_SEED = 1;
export const MAX_DEMO_SEED = 0xffff_ffff;
