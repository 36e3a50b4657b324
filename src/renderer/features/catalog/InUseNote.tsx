import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';

/** Main's refusal to delete a list entry still in use carries who uses it (count, noun, a few names). */
export const isInUse = (error: ErrorInfo): boolean => error.code === 'CONFLICT' && typeof error.details?.usedBy === 'number';

/** "Rojo is used by 34 variants (Camisa Oxford, Jean Slim…)". */
export function InUseNote({ error, testId }: { error: ErrorInfo; testId: string }) {
  const { t } = useTranslation();
  const d = error.details ?? {};
  const count = Number(d.usedBy ?? 0);
  const noun = d.noun === 'variants' || d.noun === 'products' ? d.noun : 'records';
  const examples = typeof d.examples === 'string' ? d.examples : '';
  return (
    <p className="dialog__error" role="alert" data-testid={testId} data-code={error.code}>
      {count > 0 ? t(`catalog.lists.inUse.${noun}`, { name: String(d.name ?? ''), count, examples }) : t('catalog.lists.inUse.records', { name: String(d.name ?? '') })}
    </p>
  );
}
