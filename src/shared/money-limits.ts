/**
 * Upper bounds on amounts in integer minor units. Well above any clothing
 * sale (10^11 is a billion units of a two-decimal currency) and far enough
 * below 2^53 that amount x basis points (x 10^4) stays an exact integer.
 */
export const MAX_LINE_AMOUNT = 100_000_000_000;
export const MAX_SALE_AMOUNT = 100_000_000_000;
