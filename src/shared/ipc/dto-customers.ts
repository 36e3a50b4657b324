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

export interface ReferenceLists {
  countries: { code: string; nameEs: string; nameEn: string }[];
  documentTypes: { code: string; name: string }[];
  phoneTypes: { code: string; name: string }[];
}
