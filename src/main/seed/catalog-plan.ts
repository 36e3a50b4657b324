/**
 * Turns the catalog vocabulary and a seeded PRNG into plain product plans.
 * Pure: no database here, so the plan is deterministic and testable on its
 * own, and the writer stays a tight loop of prepared statements.
 */
import { makeEan13, makeInStoreEan13 } from '../catalog/ean13';
import {
  CARE_TIPS,
  COLLECTIONS,
  DEPARTMENT_PHRASE,
  DEPARTMENT_WEIGHT,
  GARMENT_TYPES,
  MATERIALS,
  PRODUCT_OPTIONS,
  STYLES,
  type CategoryName,
  type DepartmentCode,
  type GarmentType,
  type Material,
  type SizeRun,
  type Style,
} from './data/catalog-words';
import { MAKERS, type MakerSeed } from './data/makers';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, asciiSlug } from './data/people';
import type { Prng } from './prng';

/** Catalog dates are spread over the two years before this instant, so they are the same on every run. */
export const DEMO_CATALOG_EPOCH = Date.UTC(2026, 9, 1);
const DAY_MS = 86_400_000;
const CATALOG_DAYS = 730;
/** Products created in the last this-many days also go under "Nueva temporada". */
const NEW_SEASON_DAYS = 60;

export const MIN_VARIANTS = 4;
export const MAX_VARIANTS = 30;
/** Share of products that carry their maker's EAN-13; the rest get in-store codes. */
const MAKER_BARCODE_SHARE = 0.3;

const SIZE_RUNS: Record<SizeRun | 'kids', { codes: readonly string[]; length: readonly [number, number] }> = {
  alpha: { codes: ['XS', 'S', 'M', 'L', 'XL', 'XXL'], length: [3, 6] },
  waist: { codes: ['28', '30', '32', '34', '36', '38', '40', '42', '44'], length: [4, 9] },
  kids: { codes: ['4', '6', '8', '10', '12', '14', '16'], length: [3, 7] },
  small: { codes: ['S', 'M', 'L', 'XL'], length: [2, 4] },
};

/** Colours most garments come in; the rest are seasonal. */
const CORE_COLORS = ['BLACK', 'WHITE', 'NAVY', 'GREY', 'BEIGE', 'BLUE'] as const;
const SEASONAL_COLORS = ['LIGHT_BLUE', 'RED', 'BURGUNDY', 'GREEN', 'OLIVE', 'BROWN', 'PINK', 'YELLOW', 'PURPLE', 'ORANGE'] as const;

/** "S.A.S.", "Ltda." and friends, left out of the makers' web domains. */
const LEGAL_FORM = /\s(S\.A\.S\.|S\.A\.C\.|S\.A\. de C\.V\.|S\.A\.|S\.L\.|S\.r\.l\.|Ltda\.|Lda\.|A\.Ş\.|Co\., Ltd\.)$/u;
const TLD_BY_GS1: Record<string, string> = {
  '770': '.com.co', '775': '.com.pe', '750': '.com.mx', '843': '.es', '847': '.es',
  '801': '.it', '803': '.it', '789': '.com.br', '560': '.pt', '869': '.com.tr', '693': '.cn',
};

export interface MakerPlan {
  name: string;
  contact: string;
  phone: string;
  /** GS1 company prefix (country + company, 7 digits) of its barcodes. */
  companyPrefix: string;
  seed: MakerSeed;
}

export interface VariantPlan {
  colorCode: string;
  sizeCode: string;
  barcode: string;
  /** Units of the initial stock movement; 0 means no movement (sold out). */
  stock: number;
}

export interface ProductPlan {
  plu: string;
  name: string;
  makerIndex: number;
  /** COP minor units (cents). */
  price: number;
  description: string;
  createdAt: string;
  department: DepartmentCode;
  searchCount: number;
  categories: CategoryName[];
  options: string[];
  /** Whether the variants carry the maker's EAN-13 or in-store codes (prefix 20). */
  barcodeSource: 'maker' | 'store';
  variants: VariantPlan[];
}

export function planMakers(prng: Prng): MakerPlan[] {
  const usedPrefixes = new Set<string>();
  return MAKERS.map((seed) => {
    let companyPrefix: string;
    do companyPrefix = seed.gs1 + prng.digits(4);
    while (usedPrefixes.has(companyPrefix));
    usedPrefixes.add(companyPrefix);
    const female = prng.chance(0.5);
    const first = prng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = prng.pick(SURNAMES);
    const domain = asciiSlug(seed.name.replace(LEGAL_FORM, '')) + (TLD_BY_GS1[seed.gs1] ?? '.com');
    const desk = prng.pick(['ventas', 'comercial', 'pedidos'] as const);
    return {
      name: seed.name,
      contact: `${first} ${last} (${desk}@${domain}) · ${seed.city}`,
      phone: `${seed.phone} ${prng.digits(3)} ${prng.digits(4)}`,
      companyPrefix,
      seed,
    };
  });
}

/** Makers able to produce a garment for a department: specialists first in line, generalists always. */
function eligibleMakers(makers: readonly MakerPlan[], type: GarmentType, department: DepartmentCode): number[] {
  const out: number[] = [];
  makers.forEach((m, i) => {
    const cats = m.seed.categories;
    const depts = m.seed.departments;
    if ((!cats || cats.includes(type.category)) && (!depts || depts.includes(department))) out.push(i);
  });
  return out;
}

export interface ProductPlanner {
  next(): ProductPlan;
}

export function createProductPlanner(prng: Prng, makers: readonly MakerPlan[]): ProductPlanner {
  const usedPlus = new Set<number>();
  // Each maker numbers its items from a random start, as GS1 members do.
  const nextItemRef = makers.map(() => prng.int(0, 40_000));
  const makerCache = new Map<string, number[]>();
  const typeWeights = GARMENT_TYPES.map((t) => [t, t.weight] as const);

  const makersFor = (type: GarmentType, department: DepartmentCode): number[] => {
    const key = `${type.noun}|${department}`;
    let list = makerCache.get(key);
    if (!list) {
      list = eligibleMakers(makers, type, department);
      makerCache.set(key, list);
    }
    return list;
  };

  const newPlu = (): string => {
    if (usedPlus.size >= 800_000) throw new RangeError('ran out of 6-digit PLU codes');
    let plu: number;
    do plu = prng.int(100_000, 999_999);
    while (usedPlus.has(plu));
    usedPlus.add(plu);
    return String(plu);
  };

  return {
    next(): ProductPlan {
      const type = prng.weighted(typeWeights);
      const department = prng.weighted(type.departments.map((d) => [d, DEPARTMENT_WEIGHT[d]] as const));
      const styleKey = prng.pick(type.styles);
      const style: Style = STYLES[styleKey];
      const material: Material = MATERIALS[prng.pick(type.materials)];
      const collection = prng.pick(COLLECTIONS);
      const adjective = type.gender === 'm' ? style.m : style.f;
      const name = `${type.noun} ${adjective} ${material.text} ${collection}`;
      const makerIndex = prng.pick(makersFor(type, department));
      const plu = newPlu();

      const priceK = prng.int(type.priceK[0], type.priceK[1]);
      const price = (priceK * 1000 + 900) * 100;

      const daysAgo = prng.int(0, CATALOG_DAYS - 1);
      // 09:00-18:59 in Colombia (UTC-5) is 14:00-23:59 UTC.
      const minuteOfDay = prng.int(14 * 60, 23 * 60 + 59);
      const createdAt = new Date(DEMO_CATALOG_EPOCH - (daysAgo + 1) * DAY_MS + minuteOfDay * 60_000).toISOString();

      const categories: CategoryName[] = [type.category];
      const extras = new Set<CategoryName>();
      if (style.extraCategory) extras.add(style.extraCategory);
      if (material.eco) extras.add('Sostenible');
      if (daysAgo < NEW_SEASON_DAYS) extras.add('Nueva temporada');
      extras.delete(type.category);
      if (extras.size > 0 && prng.chance(0.7)) categories.push(prng.pick([...extras]));

      const options: string[] = [];
      for (const option of PRODUCT_OPTIONS) {
        if (options.length >= 2) break;
        if (option.categories !== 'any' && !option.categories.includes(type.category)) continue;
        if (option.style !== undefined && option.style !== styleKey) continue;
        if (option.materialWord !== undefined && !material.text.includes(option.materialWord)) continue;
        const specific = option.style !== undefined || option.materialWord !== undefined;
        if (prng.chance(specific ? 0.8 : 0.1)) options.push(option.name);
      }

      const grid = planVariants(prng, type, department);
      const maker = makers[makerIndex];
      const ref = nextItemRef[makerIndex] ?? 0;
      const useMakerCode = maker !== undefined && prng.chance(MAKER_BARCODE_SHARE) && ref + grid.length <= 99_999;
      const variants: VariantPlan[] = grid.map((v, i) => ({
        ...v,
        barcode: useMakerCode
          ? makeEan13(maker.companyPrefix + String(ref + i).padStart(5, '0'))
          : // PLU and variant number inside the code: unique, and a clerk can read the PLU off the label.
            makeInStoreEan13(Number(plu) * 10_000 + i),
      }));
      if (useMakerCode) nextItemRef[makerIndex] = ref + variants.length;

      const description =
        `${type.noun} ${adjective} ${material.text} ${DEPARTMENT_PHRASE[department]}. ` +
        `Colección ${collection}. ${prng.pick(CARE_TIPS)}`;
      // Searches follow a long tail: most products are rarely looked up.
      const searchCount = Math.floor(prng.next() ** 3 * 400);

      return {
        plu,
        name,
        makerIndex,
        price,
        description,
        createdAt,
        department,
        searchCount,
        categories,
        options,
        barcodeSource: useMakerCode ? 'maker' : 'store',
        variants,
      };
    },
  };
}

/** Colour x size grid of 4-30 variants, averaging about 15. */
function planVariants(prng: Prng, type: GarmentType, department: DepartmentCode): Omit<VariantPlan, 'barcode'>[] {
  const runKey = department === 'KIDS' && type.sizes !== 'small' ? 'kids' : type.sizes;
  const run = SIZE_RUNS[runKey];
  const sizeCount = prng.int(run.length[0], run.length[1]);
  const start = prng.int(0, run.codes.length - sizeCount);
  const sizes = run.codes.slice(start, start + sizeCount);

  const target = prng.int(MIN_VARIANTS, 26);
  let colorCount = Math.min(16, Math.max(1, Math.round(target / sizeCount)));
  while (colorCount * sizeCount > MAX_VARIANTS) colorCount--;
  while (colorCount * sizeCount < MIN_VARIANTS) colorCount++;

  // One to four core colours, more only when the seasonal list cannot fill the rest.
  const core = Math.max(prng.int(1, Math.min(colorCount, 4)), colorCount - SEASONAL_COLORS.length);
  const colors = [...prng.sample(CORE_COLORS, core), ...prng.sample(SEASONAL_COLORS, colorCount - core)];
  const variants: Omit<VariantPlan, 'barcode'>[] = [];
  const middle = (sizes.length - 1) / 2;
  for (const colorCode of colors) {
    sizes.forEach((sizeCode, i) => {
      // Middle sizes sell most, so stores hold more of them; some variants are sold out.
      const nearMiddle = Math.abs(i - middle) <= 1;
      const stock = prng.chance(0.07) ? 0 : prng.int(1, 10) + (nearMiddle ? prng.int(0, 8) : 0);
      variants.push({ colorCode, sizeCode, stock });
    });
  }
  return variants;
}
