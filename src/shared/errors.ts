/**
 * Stable error codes that cross the IPC boundary; the UI translates them.
 * Keep codes append-only: renderer translations key on them.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PIN_INVALID',
  'USER_LOCKED',
  'USER_DISABLED',
  'NOT_SQLITE',
  'DB_TOO_NEW',
  'INTERNAL',
  'APPROVAL_REQUIRED',
  'STOCK_SHORT',
  'PAYMENT_SHORT',
  'BARCODE_INVALID',
  'NOT_SELLABLE',
  /** A SQLite file of another program: never migrated or written. */
  'DB_FOREIGN',
  /** The database file, its folder or its disk cannot be written. */
  'DB_READ_ONLY',
  /** This version's migrations failed; the database was left as it was. */
  'DB_MIGRATION_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one is to blame. */
  field?: string;
  /** Plain JSON extra facts (e.g. lockedUntil). */
  details?: Record<string, string | number | boolean | null>;
  /** Every field at fault when the input had several problems (a form shows them all at once). */
  issues?: { field: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An expected failure of a business rule or of input; never a bug. */
export class DomainError extends Error {
  issues?: ErrorInfo['issues'];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: ErrorInfo['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.field !== undefined) info.field = this.field;
    if (this.details !== undefined) info.details = this.details;
    if (this.issues?.length) info.issues = this.issues;
    return info;
  }
}
