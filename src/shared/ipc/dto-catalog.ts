/** DTOs of the back office's catalog screens. */

export interface ManufacturerDto {
  id: number;
  name: string;
  contact: string | null;
  phone: string | null;
  /** Products that name it: an entry in use cannot be deleted. */
  usedBy: number;
}

export interface CategoryDto {
  id: number;
  name: string;
  description: string | null;
  usedBy: number;
}

export type OptionDto = CategoryDto;

export interface ColorDto {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  hex: string;
  /** Variants in this colour. */
  usedBy: number;
}

export interface SizeDto {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  system: 'alpha' | 'numeric';
  /** Variants in this size. */
  usedBy: number;
}

export interface DepartmentDto {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  usedBy: number;
}

export interface CatalogLists {
  manufacturers: ManufacturerDto[];
  categories: CategoryDto[];
  options: OptionDto[];
  colors: ColorDto[];
  sizes: SizeDto[];
  departments: DepartmentDto[];
}

/** One product in the back office's list. */
export interface ProductListRow {
  productId: number;
  plu: string;
  name: string;
  manufacturer: string | null;
  departmentCode: string | null;
  price: number;
  active: boolean;
  /** Active variants. */
  variantCount: number;
  /** Units in stock over all its variants. */
  stock: number;
  /** Active variants at or below their low-stock threshold. */
  lowStockCount: number;
}

export interface ProductPage {
  /** Products matching the filters (all pages). */
  total: number;
  offset: number;
  rows: ProductListRow[];
}

/** One label as printed and previewed. */
export interface LabelDto {
  variantId: number;
  plu: string;
  name: string;
  color: string;
  size: string;
  /** Minor units; formatted where it is drawn. */
  price: number;
  /** Formatted in the store's currency and locale, as printed. */
  priceText: string;
  barcode: string;
  copies: number;
}

/** One cell of a product's colour x size grid as the editor shows it. */
export interface EditorVariantDto {
  variantId: number;
  colorId: number;
  sizeId: number;
  barcode: string;
  active: boolean;
  lowStockThreshold: number | null;
  stock: number;
  /** Sold, received, counted...: such a variant can be deactivated, never removed. */
  hasHistory: boolean;
}

/** A product as the editor loads it. */
export interface ProductEditorDto {
  productId: number;
  plu: string;
  name: string;
  description: string | null;
  manufacturerId: number | null;
  departmentCode: string | null;
  categoryIds: number[];
  optionIds: number[];
  price: number;
  /** null when unknown. */
  costPrice: number | null;
  taxCode: string | null;
  active: boolean;
  createdAt: string;
  variants: EditorVariantDto[];
}
