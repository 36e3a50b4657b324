/**
 * The vocabulary of the demo catalog: garment types, styles, materials,
 * categories and product options, in Spanish as a Colombian store writes them.
 * Plain data; demo-seed turns it into rows with a seeded PRNG.
 */

export type DepartmentCode = 'WOMEN' | 'MEN' | 'KIDS' | 'UNISEX';

/**
 * Which size run a garment uses. Kids' garments use the numeric 4-16 run
 * whatever their adult run is, except `small` ones (socks, caps, hats).
 */
export type SizeRun = 'alpha' | 'waist' | 'small';

export const CATEGORIES = [
  { name: 'Camisetas', description: 'Camisetas, polos y tops de manga corta o larga' },
  { name: 'Camisas', description: 'Camisas de vestir y casuales' },
  { name: 'Blusas', description: 'Blusas de mujer para el día y la oficina' },
  { name: 'Pantalones', description: 'Pantalones de tela, chinos y joggers' },
  { name: 'Jeans', description: 'Jeans de denim en todos los cortes' },
  { name: 'Shorts y bermudas', description: 'Prendas cortas para clima cálido' },
  { name: 'Vestidos', description: 'Vestidos y enterizos' },
  { name: 'Faldas', description: 'Faldas cortas, midi y largas' },
  { name: 'Chaquetas', description: 'Chaquetas, chalecos y blazers' },
  { name: 'Abrigos', description: 'Abrigos, gabardinas y parkas para clima frío' },
  { name: 'Sudaderas', description: 'Sudaderas con y sin capucha' },
  { name: 'Suéteres', description: 'Suéteres y sacos tejidos' },
  { name: 'Ropa interior', description: 'Bóxers, panties y brasieres' },
  { name: 'Pijamas', description: 'Pijamas y ropa de descanso' },
  { name: 'Calcetines', description: 'Calcetines y medias' },
  { name: 'Accesorios', description: 'Cinturones, gorras y sombreros' },
  { name: 'Ropa deportiva', description: 'Prendas para entrenar y hacer deporte' },
  { name: 'Trajes de baño', description: 'Vestidos de baño y ropa de playa' },
  { name: 'Básicos', description: 'Prendas esenciales que combinan con todo' },
  { name: 'Nueva temporada', description: 'Lo último en llegar a la tienda' },
  { name: 'Sostenible', description: 'Fibras orgánicas o recicladas' },
] as const;

export type CategoryName = (typeof CATEGORIES)[number]['name'];

/** A style adjective in both grammatical genders, so names agree ("básico", "básica"). */
export interface Style {
  m: string;
  f: string;
  /** Adds a cross-cutting category to products of this style. */
  extraCategory?: CategoryName;
}

const same = (word: string, extraCategory?: CategoryName): Style =>
  extraCategory ? { m: word, f: word, extraCategory } : { m: word, f: word };
const agree = (m: string, f: string, extraCategory?: CategoryName): Style =>
  extraCategory ? { m, f, extraCategory } : { m, f };

export const STYLES = {
  basico: agree('básico', 'básica', 'Básicos'),
  clasico: agree('clásico', 'clásica', 'Básicos'),
  oversize: same('oversize'),
  slim: same('slim fit'),
  estampado: agree('estampado', 'estampada'),
  rayas: same('a rayas'),
  cuadros: same('de cuadros'),
  mangaLarga: same('manga larga'),
  mangaCorta: same('manga corta'),
  sinMangas: same('sin mangas'),
  cuelloV: same('cuello en V'),
  cuelloAlto: same('cuello alto'),
  deportivo: agree('deportivo', 'deportiva', 'Ropa deportiva'),
  recto: agree('recto', 'recta'),
  skinny: same('skinny'),
  wideLeg: same('wide leg'),
  cargo: same('cargo'),
  mom: same('mom'),
  acampanado: agree('acampanado', 'acampanada'),
  tiroAlto: same('de tiro alto'),
  desgastado: agree('desgastado', 'desgastada'),
  plisado: agree('plisado', 'plisada'),
  midi: same('midi'),
  maxi: same('maxi'),
  corto: agree('corto', 'corta'),
  largo: agree('largo', 'larga'),
  cruzado: agree('cruzado', 'cruzada'),
  camisero: same('camisero'),
  acolchado: agree('acolchado', 'acolchada'),
  impermeable: same('impermeable'),
  bomber: same('bomber'),
  capucha: same('con capucha'),
  cremallera: same('con cremallera'),
  tejido: agree('tejido', 'tejida'),
  sinCosturas: same('sin costuras'),
  trenzado: agree('trenzado', 'trenzada'),
  reversible: same('reversible'),
  bordado: agree('bordado', 'bordada'),
  alaAncha: same('de ala ancha'),
  entero: agree('entero', 'entera'),
} as const satisfies Record<string, Style>;

export type StyleKey = keyof typeof STYLES;

export interface Material {
  text: string;
  /** Organic or recycled fibres: the product also goes under "Sostenible". */
  eco?: true;
}

export const MATERIALS = {
  algodon: { text: 'de algodón' },
  algodonOrganico: { text: 'de algodón orgánico', eco: true },
  algodonPima: { text: 'de algodón pima' },
  algodonPercha: { text: 'de algodón perchado' },
  pique: { text: 'de algodón piqué' },
  polyReciclado: { text: 'de poliéster reciclado', eco: true },
  poliester: { text: 'de poliéster' },
  lino: { text: 'de lino' },
  oxford: { text: 'de tela oxford' },
  popelina: { text: 'de popelina' },
  franela: { text: 'de franela' },
  denim: { text: 'de denim' },
  denimElastico: { text: 'de denim elástico' },
  denimRigido: { text: 'de denim rígido' },
  denimReciclado: { text: 'de denim reciclado', eco: true },
  gabardina: { text: 'de gabardina' },
  drill: { text: 'de drill' },
  felpa: { text: 'de felpa' },
  viscosa: { text: 'de viscosa' },
  seda: { text: 'de seda' },
  gasa: { text: 'de gasa' },
  punto: { text: 'de punto' },
  saten: { text: 'de satín' },
  licra: { text: 'de licra' },
  microfibra: { text: 'de microfibra' },
  encaje: { text: 'de encaje' },
  cueroSintetico: { text: 'de cuero sintético' },
  cuero: { text: 'de cuero' },
  lona: { text: 'de lona' },
  nailon: { text: 'de nailon' },
  pana: { text: 'de pana' },
  pano: { text: 'de paño' },
  lana: { text: 'de lana' },
  merino: { text: 'de lana merino' },
  acrilico: { text: 'de acrílico' },
  paja: { text: 'de paja toquilla' },
  fieltro: { text: 'de fieltro' },
} as const satisfies Record<string, Material>;

export type MaterialKey = keyof typeof MATERIALS;

export interface GarmentType {
  /** Singular noun that starts the product name. */
  noun: string;
  /** Grammatical gender of the noun, for the style adjective. */
  gender: 'm' | 'f';
  category: CategoryName;
  departments: readonly DepartmentCode[];
  sizes: SizeRun;
  /** Price range in thousands of COP; every price ends in 900 pesos. */
  priceK: readonly [number, number];
  styles: readonly StyleKey[];
  materials: readonly MaterialKey[];
  /** How common this garment is in the catalog, relative to the others. */
  weight: number;
}

const ALL: readonly DepartmentCode[] = ['WOMEN', 'MEN', 'KIDS', 'UNISEX'];

export const GARMENT_TYPES: readonly GarmentType[] = [
  { noun: 'Camiseta', gender: 'f', category: 'Camisetas', departments: ALL, sizes: 'alpha', priceK: [29, 89], weight: 12,
    styles: ['basico', 'oversize', 'estampado', 'rayas', 'mangaLarga', 'cuelloV', 'deportivo'],
    materials: ['algodon', 'algodonOrganico', 'algodonPima', 'polyReciclado', 'lino'] },
  { noun: 'Polo', gender: 'm', category: 'Camisetas', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'alpha', priceK: [59, 139], weight: 5,
    styles: ['clasico', 'slim', 'rayas', 'mangaLarga', 'deportivo'], materials: ['pique', 'algodonPima', 'algodonOrganico'] },
  { noun: 'Top', gender: 'm', category: 'Camisetas', departments: ['WOMEN'], sizes: 'alpha', priceK: [29, 79], weight: 4,
    styles: ['basico', 'deportivo', 'cruzado', 'sinMangas', 'estampado'], materials: ['algodon', 'licra', 'viscosa', 'punto'] },
  { noun: 'Camisa', gender: 'f', category: 'Camisas', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'alpha', priceK: [79, 189], weight: 8,
    styles: ['clasico', 'slim', 'cuadros', 'rayas', 'mangaCorta', 'oversize', 'estampado'],
    materials: ['algodon', 'lino', 'oxford', 'popelina', 'denim', 'franela'] },
  { noun: 'Blusa', gender: 'f', category: 'Blusas', departments: ['WOMEN'], sizes: 'alpha', priceK: [59, 149], weight: 6,
    styles: ['estampado', 'cruzado', 'sinMangas', 'mangaLarga', 'clasico', 'bordado'],
    materials: ['gasa', 'seda', 'viscosa', 'lino', 'algodon'] },
  { noun: 'Pantalón', gender: 'm', category: 'Pantalones', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'waist', priceK: [89, 219], weight: 7,
    styles: ['recto', 'cargo', 'slim', 'tiroAlto', 'wideLeg', 'clasico'],
    materials: ['algodon', 'lino', 'gabardina', 'drill', 'poliester'] },
  { noun: 'Jogger', gender: 'm', category: 'Pantalones', departments: ALL, sizes: 'alpha', priceK: [69, 149], weight: 5,
    styles: ['deportivo', 'basico', 'cargo', 'estampado'], materials: ['algodonPercha', 'felpa', 'poliester', 'polyReciclado'] },
  { noun: 'Jean', gender: 'm', category: 'Jeans', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'waist', priceK: [99, 259], weight: 9,
    styles: ['skinny', 'recto', 'slim', 'wideLeg', 'mom', 'acampanado', 'tiroAlto', 'desgastado'],
    materials: ['denim', 'denimElastico', 'denimRigido', 'denimReciclado'] },
  { noun: 'Bermuda', gender: 'f', category: 'Shorts y bermudas', departments: ['MEN', 'KIDS'], sizes: 'waist', priceK: [59, 129], weight: 3,
    styles: ['cargo', 'clasico', 'estampado'], materials: ['drill', 'lino', 'denim', 'algodon'] },
  { noun: 'Short', gender: 'm', category: 'Shorts y bermudas', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'alpha', priceK: [39, 99], weight: 3,
    styles: ['deportivo', 'tiroAlto', 'desgastado', 'estampado'], materials: ['denim', 'lino', 'algodon', 'poliester'] },
  { noun: 'Vestido', gender: 'm', category: 'Vestidos', departments: ['WOMEN', 'KIDS'], sizes: 'alpha', priceK: [89, 299], weight: 7,
    styles: ['midi', 'maxi', 'corto', 'camisero', 'cruzado', 'estampado', 'sinMangas'],
    materials: ['viscosa', 'lino', 'algodon', 'seda', 'punto'] },
  { noun: 'Enterizo', gender: 'm', category: 'Vestidos', departments: ['WOMEN'], sizes: 'alpha', priceK: [99, 229], weight: 2,
    styles: ['largo', 'corto', 'estampado', 'cruzado'], materials: ['lino', 'viscosa', 'denim'] },
  { noun: 'Falda', gender: 'f', category: 'Faldas', departments: ['WOMEN', 'KIDS'], sizes: 'alpha', priceK: [59, 169], weight: 5,
    styles: ['midi', 'plisado', 'corto', 'cruzado', 'estampado', 'largo'],
    materials: ['denim', 'lino', 'viscosa', 'cueroSintetico', 'punto'] },
  { noun: 'Chaqueta', gender: 'f', category: 'Chaquetas', departments: ALL, sizes: 'alpha', priceK: [149, 399], weight: 5,
    styles: ['acolchado', 'impermeable', 'deportivo', 'bomber', 'capucha', 'clasico'],
    materials: ['denim', 'cueroSintetico', 'nailon', 'polyReciclado', 'pana'] },
  { noun: 'Chaleco', gender: 'm', category: 'Chaquetas', departments: ['WOMEN', 'MEN'], sizes: 'alpha', priceK: [99, 229], weight: 2,
    styles: ['acolchado', 'tejido', 'clasico'], materials: ['nailon', 'punto', 'denim', 'polyReciclado'] },
  { noun: 'Blazer', gender: 'm', category: 'Chaquetas', departments: ['WOMEN', 'MEN'], sizes: 'alpha', priceK: [189, 429], weight: 3,
    styles: ['clasico', 'slim', 'cruzado', 'oversize'], materials: ['lino', 'pano', 'poliester'] },
  { noun: 'Abrigo', gender: 'm', category: 'Abrigos', departments: ['WOMEN', 'MEN'], sizes: 'alpha', priceK: [229, 459], weight: 3,
    styles: ['largo', 'cruzado', 'clasico', 'oversize'], materials: ['pano', 'lana', 'merino'] },
  { noun: 'Gabardina', gender: 'f', category: 'Abrigos', departments: ['WOMEN', 'MEN'], sizes: 'alpha', priceK: [249, 459], weight: 2,
    styles: ['clasico', 'cruzado', 'impermeable'], materials: ['algodon', 'poliester'] },
  { noun: 'Parka', gender: 'f', category: 'Abrigos', departments: ALL, sizes: 'alpha', priceK: [199, 429], weight: 2,
    styles: ['impermeable', 'acolchado', 'capucha'], materials: ['nailon', 'polyReciclado'] },
  { noun: 'Sudadera', gender: 'f', category: 'Sudaderas', departments: ALL, sizes: 'alpha', priceK: [79, 189], weight: 6,
    styles: ['capucha', 'basico', 'oversize', 'estampado', 'cremallera', 'deportivo'],
    materials: ['algodonPercha', 'felpa', 'algodonOrganico', 'poliester'] },
  { noun: 'Suéter', gender: 'm', category: 'Suéteres', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'alpha', priceK: [89, 229], weight: 4,
    styles: ['tejido', 'cuelloAlto', 'cuelloV', 'oversize', 'clasico'], materials: ['lana', 'merino', 'algodon', 'acrilico'] },
  { noun: 'Bóxer', gender: 'm', category: 'Ropa interior', departments: ['MEN', 'KIDS'], sizes: 'alpha', priceK: [29, 69], weight: 3,
    styles: ['clasico', 'deportivo', 'sinCosturas', 'estampado'], materials: ['algodon', 'microfibra', 'algodonOrganico'] },
  { noun: 'Brasier', gender: 'm', category: 'Ropa interior', departments: ['WOMEN'], sizes: 'alpha', priceK: [39, 129], weight: 3,
    styles: ['clasico', 'deportivo', 'sinCosturas'], materials: ['encaje', 'algodon', 'microfibra'] },
  { noun: 'Panty', gender: 'm', category: 'Ropa interior', departments: ['WOMEN', 'KIDS'], sizes: 'alpha', priceK: [29, 59], weight: 2,
    styles: ['clasico', 'sinCosturas', 'tiroAlto'], materials: ['algodon', 'encaje', 'microfibra'] },
  { noun: 'Pijama', gender: 'f', category: 'Pijamas', departments: ALL, sizes: 'alpha', priceK: [79, 189], weight: 3,
    styles: ['mangaLarga', 'mangaCorta', 'estampado', 'clasico'], materials: ['algodon', 'franela', 'saten'] },
  { noun: 'Calcetín', gender: 'm', category: 'Calcetines', departments: ALL, sizes: 'small', priceK: [29, 49], weight: 3,
    styles: ['deportivo', 'clasico', 'estampado', 'rayas'], materials: ['algodon', 'algodonOrganico', 'lana'] },
  { noun: 'Legging', gender: 'm', category: 'Ropa deportiva', departments: ['WOMEN', 'KIDS'], sizes: 'alpha', priceK: [49, 139], weight: 3,
    styles: ['deportivo', 'tiroAlto', 'estampado', 'basico'], materials: ['licra', 'polyReciclado', 'algodon'] },
  { noun: 'Vestido de baño', gender: 'm', category: 'Trajes de baño', departments: ['WOMEN', 'MEN', 'KIDS'], sizes: 'alpha', priceK: [69, 189], weight: 3,
    styles: ['entero', 'estampado', 'clasico', 'deportivo'], materials: ['licra', 'polyReciclado'] },
  { noun: 'Cinturón', gender: 'm', category: 'Accesorios', departments: ['WOMEN', 'MEN', 'UNISEX'], sizes: 'waist', priceK: [39, 149], weight: 2,
    styles: ['clasico', 'trenzado', 'reversible'], materials: ['cuero', 'cueroSintetico', 'lona'] },
  { noun: 'Gorra', gender: 'f', category: 'Accesorios', departments: ['MEN', 'KIDS', 'UNISEX'], sizes: 'small', priceK: [39, 99], weight: 2,
    styles: ['deportivo', 'clasico', 'estampado', 'bordado'], materials: ['algodon', 'poliester', 'lona'] },
  { noun: 'Sombrero', gender: 'm', category: 'Accesorios', departments: ['WOMEN', 'MEN', 'UNISEX'], sizes: 'small', priceK: [59, 189], weight: 1,
    styles: ['clasico', 'alaAncha', 'bordado'], materials: ['paja', 'fieltro', 'lana'] },
];

/** Collection names appended to product names, so a big catalog reads varied. */
export const COLLECTIONS = [
  'Andes', 'Caribe', 'Tayrona', 'Nevado', 'Guatapé', 'Salento', 'Barichara', 'Cocora', 'Rosario', 'Palomino',
  'Mompox', 'Villa de Leyva', 'Minca', 'Amazonas', 'Orinoco', 'Magdalena', 'Sierra', 'Páramo', 'Bahía', 'Coral',
  'Brisa', 'Bruma', 'Aurora', 'Ceiba', 'Guayacán', 'Orquídea', 'Colibrí', 'Cóndor', 'Jaguar', 'Tucán',
  'Laurel', 'Canela', 'Cacao', 'Café', 'Arena', 'Marea', 'Niebla', 'Sol', 'Luna', 'Cielo',
  'Esmeralda', 'Cuarzo', 'Ámbar', 'Jade', 'Ónix', 'Ópalo', 'Perla', 'Topacio',
] as const;

/**
 * Product options (tblopciones). A product qualifies for an option when its
 * main category is listed (or the option fits 'any'), and, when given, its
 * style or material matches, so a "Slim fit" option never lands on a wide-leg jean.
 */
export interface ProductOptionSeed {
  name: string;
  description: string;
  categories: readonly CategoryName[] | 'any';
  style?: StyleKey;
  /** A word the material text must contain, e.g. "orgánico". */
  materialWord?: string;
}

export const PRODUCT_OPTIONS: readonly ProductOptionSeed[] = [
  { name: 'Algodón orgánico', description: 'Algodón cultivado sin pesticidas, con certificación GOTS', categories: 'any', materialWord: 'orgánico' },
  { name: 'Slim fit', description: 'Corte ajustado al cuerpo', categories: 'any', style: 'slim' },
  { name: 'Impermeable', description: 'Tela con membrana que repele el agua', categories: 'any', style: 'impermeable' },
  { name: 'Material reciclado', description: 'Fabricado con fibras recicladas post-consumo', categories: 'any', materialWord: 'reciclado' },
  { name: 'Secado rápido', description: 'Fibra técnica que evacúa el sudor', categories: ['Ropa deportiva', 'Trajes de baño', 'Camisetas', 'Shorts y bermudas'] },
  { name: 'Protección UV 50+', description: 'Bloquea el 98 % de la radiación ultravioleta', categories: ['Trajes de baño', 'Camisetas', 'Accesorios'] },
  { name: 'Elástico', description: 'Con elastano para mayor comodidad', categories: ['Jeans', 'Pantalones', 'Faldas', 'Ropa deportiva'] },
  { name: 'Sin costuras', description: 'Tejido sin costuras que no marca', categories: ['Ropa interior', 'Ropa deportiva'] },
  { name: 'Planchado fácil', description: 'Acabado que reduce las arrugas', categories: ['Camisas', 'Pantalones', 'Blusas'] },
  { name: 'Edición limitada', description: 'Unidades contadas; no se reedita', categories: 'any' },
];

/** Care lines for product descriptions. */
export const CARE_TIPS = [
  'Lavar a máquina en agua fría.',
  'Lavar a mano y secar a la sombra.',
  'No usar secadora.',
  'Planchar a temperatura media.',
  'Lavar al revés para conservar el color.',
  'Solo limpieza en seco.',
] as const;

export const DEPARTMENT_PHRASE: Record<DepartmentCode, string> = {
  WOMEN: 'para mujer',
  MEN: 'para hombre',
  KIDS: 'para niños y niñas',
  UNISEX: 'unisex',
};

/** Share of each department in the catalog (women's wear dominates in most stores). */
export const DEPARTMENT_WEIGHT: Record<DepartmentCode, number> = { WOMEN: 45, MEN: 30, KIDS: 15, UNISEX: 10 };
