/**
 * Forms validate with the contract's zod schemas (react-hook-form's
 * zodResolver); main validates again with the same schemas. What main still
 * refuses comes back as `error.issues`: every field at fault, put at its field.
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorInfo } from '../../shared/errors';

/**
 * Sets each issue main named at the form's field of that name (the first
 * part of a dotted path), typed with the error's code, every one at once.
 * Returns the fields set: none means the error belongs to the whole form.
 */
export function setServerIssues<T extends FieldValues>(error: ErrorInfo, fields: readonly Path<T>[], setError: UseFormSetError<T>): Path<T>[] {
  const issues = error.issues?.length ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
  const set: Path<T>[] = [];
  for (const issue of issues) {
    const field = fields.find((f) => f === issue.field.split('.')[0]);
    if (!field || set.includes(field)) continue;
    setError(field, { type: error.code, message: issue.message });
    set.push(field);
  }
  return set;
}
