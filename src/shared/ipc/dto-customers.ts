/** DTOs of customers and the reference lists their forms use. */
import type { CustomerSummary } from './dto-sales';

export interface AddressDto {
  id: number;
  kind: 'billing' | 'shipping';
  address: string;
  zipCode: string | null;
  countryCode: string;
}

export interface CustomerDetail extends CustomerSummary {
  firstName: string;
  middleName: string | null;
  lastName: string;
  secondLastName: string | null;
  phoneType: string | null;
  countryCode: string | null;
  addresses: AddressDto[];
}

export interface PurchaseDto {
  invoiceId: number;
  invoiceNumber: string | null;
  completedAt: string | null;
  /** COMPLETED or RETURNED. */
  state: string;
  items: number;
  total: number;
}

export interface PurchaseHistoryDto {
  purchases: PurchaseDto[];
  count: number;
  total: number;
  items: number;
}

export interface CustomerImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  /** Every bad row: its line in the file (header = 1), the column and why. */
  errors: { row: number; column: string; reason: string }[];
}

export interface ReferenceLists {
  countries: { code: string; nameEs: string; nameEn: string }[];
  documentTypes: { code: string; name: string }[];
  phoneTypes: { code: string; name: string }[];
}
