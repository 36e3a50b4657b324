/**
 * The catalog's editable lists (manufacturers, categories, options, colours,
 * sizes, genders/departments): what an entry may hold, checked in main on
 * every save and reused by the screens' forms.
 */
import { z } from 'zod';
import { cleanText } from '../text';

export const CATALOG_LISTS = ['manufacturer', 'category', 'option', 'color', 'size', 'department'] as const;
export type CatalogListName = (typeof CATALOG_LISTS)[number];

/** Lists whose entries travel by a stable code (reference data); the others by global id. */
export const CODE_KEYED_LISTS = ['color', 'size', 'department'] as const satisfies readonly CatalogListName[];

const Clean = () => z.string().overwrite(cleanText).trim();
const Name = (max: number) => Clean().min(1, 'name is required').max(max);
const Optional = (max: number) => Clean().max(max).nullish();
const EntryId = z.number().int().positive().nullable();

export const ListCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{2,20}$/, 'code: 2-20 capital letters, digits or _');

/** A size as printed on the label: XS, M, 32, 10-12, 2T... */
export const SizeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9./-]{0,9}$/, 'size: 1-10 letters, digits, dot, dash or slash');

export const HexColor = z
  .string()
  .trim()
  .regex(/^#[0-9A-Fa-f]{6}$/, 'colour: #RRGGBB')
  .transform((s) => s.toUpperCase());

export const ManufacturerEntry = z
  .object({
    list: z.literal('manufacturer'),
    id: EntryId,
    name: Name(80),
    contact: Optional(80),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'phone: 7-20 digits, spaces, dashes or a leading +')
      .nullish()
      .or(z.literal('')),
  })
  .strict();

export const CategoryEntry = z.object({ list: z.literal('category'), id: EntryId, name: Name(60), description: Optional(200) }).strict();
export const OptionEntry = z.object({ list: z.literal('option'), id: EntryId, name: Name(60), description: Optional(200) }).strict();

export const ColorEntry = z
  .object({ list: z.literal('color'), id: EntryId, code: ListCode, name: Name(40), nameEn: Name(40), hex: HexColor })
  .strict();

export const SizeEntry = z
  .object({
    list: z.literal('size'),
    id: EntryId,
    code: SizeCode,
    name: Name(40),
    sortOrder: z.number().int().min(0, 'order: 0-9999').max(9999, 'order: 0-9999'),
    system: z.enum(['alpha', 'numeric']),
  })
  .strict();

export const DepartmentEntry = z.object({ list: z.literal('department'), id: EntryId, code: ListCode, name: Name(40), nameEn: Name(40) }).strict();

export const ListEntrySchema = z.discriminatedUnion('list', [ManufacturerEntry, CategoryEntry, OptionEntry, ColorEntry, SizeEntry, DepartmentEntry]);
export type ListEntryInput = z.output<typeof ListEntrySchema>;

export const DeleteListEntrySchema = z.object({ list: z.enum(CATALOG_LISTS), id: z.number().int().positive() }).strict();
