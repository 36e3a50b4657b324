export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'store_credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
