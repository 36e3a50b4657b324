import type { TaxRateDto } from '../../../shared/ipc/dto';
import { formatBasisPointsInput, formatPercent } from '../../lib/money-input';

/**
 * "IVA19 · IVA general · 19 %", or "IVA19 · IVA 19 %" when the name already
 * says the rate: how a rate is named in selects and facts.
 */
export function rateLabel(rate: TaxRateDto, locale: string): string {
  const number = formatBasisPointsInput(rate.rateBp, locale);
  const saysRate = new RegExp(`(^|[^\\d])${number.replace(/[.,]/g, '[.,]')}([^\\d]|$)`).test(rate.name);
  return saysRate ? `${rate.code} · ${rate.name}` : `${rate.code} · ${rate.name} · ${formatPercent(rate.rateBp, locale)}`;
}
