import type { CategoryName, DepartmentCode } from './catalog-words';

/**
 * Forty fictitious clothing makers (any likeness to a real company is
 * accidental), mostly Colombian, some importers' suppliers abroad. `gs1` is
 * the GS1 country prefix their barcodes start with (770 Colombia, 775 Peru,
 * 750 Mexico, 84x Spain, 80x Italy, 789 Brazil, 560 Portugal, 869 Turkey,
 * 69x China); `phone` is the switchboard's international prefix and area.
 */
export interface MakerSeed {
  name: string;
  city: string;
  gs1: string;
  phone: string;
  /** Specialists make only these categories; everyone else makes anything. */
  categories?: readonly CategoryName[];
  /** A kids' maker makes only for these departments. */
  departments?: readonly DepartmentCode[];
}

export const MAKERS: readonly MakerSeed[] = [
  { name: 'Confecciones Andinas S.A.S.', city: 'Bogotá', gs1: '770', phone: '+57 601' },
  { name: 'Textiles La Candelaria S.A.S.', city: 'Bogotá', gs1: '770', phone: '+57 601' },
  { name: 'Moda Caribe Ltda.', city: 'Barranquilla', gs1: '770', phone: '+57 605' },
  { name: 'Hilanderías del Cauca S.A.', city: 'Popayán', gs1: '770', phone: '+57 602' },
  { name: 'Denim Antioquia S.A.S.', city: 'Medellín', gs1: '770', phone: '+57 604', categories: ['Jeans', 'Shorts y bermudas', 'Chaquetas', 'Faldas'] },
  { name: 'Tejidos El Poblado S.A.S.', city: 'Medellín', gs1: '770', phone: '+57 604' },
  { name: 'Manufacturas Santa Fe S.A.S.', city: 'Bogotá', gs1: '770', phone: '+57 601' },
  { name: 'Creaciones Orquídea S.A.S.', city: 'Cali', gs1: '770', phone: '+57 602', departments: ['WOMEN'] },
  { name: 'Ropa Cafetera Ltda.', city: 'Pereira', gs1: '770', phone: '+57 606' },
  { name: 'Industrias Guadalupe S.A.S.', city: 'Medellín', gs1: '770', phone: '+57 604' },
  { name: 'Confecciones Magdalena S.A.S.', city: 'Santa Marta', gs1: '770', phone: '+57 605' },
  { name: 'Punto y Trama S.A.S.', city: 'Bogotá', gs1: '770', phone: '+57 601', categories: ['Suéteres', 'Sudaderas', 'Calcetines'] },
  { name: 'Algodonera del Tolima S.A.', city: 'Ibagué', gs1: '770', phone: '+57 608', categories: ['Camisetas', 'Ropa interior', 'Pijamas', 'Calcetines'] },
  { name: 'Estilo Llanero S.A.S.', city: 'Villavicencio', gs1: '770', phone: '+57 608' },
  { name: 'Casa Palmira Moda S.A.S.', city: 'Palmira', gs1: '770', phone: '+57 602' },
  { name: 'Lencería Bucaramanga S.A.S.', city: 'Bucaramanga', gs1: '770', phone: '+57 607', categories: ['Ropa interior', 'Pijamas'] },
  { name: 'Sport Nevado S.A.S.', city: 'Manizales', gs1: '770', phone: '+57 606', categories: ['Ropa deportiva', 'Camisetas', 'Sudaderas', 'Pantalones', 'Calcetines'] },
  { name: 'Pequeños Pasos Confecciones S.A.S.', city: 'Medellín', gs1: '770', phone: '+57 604', departments: ['KIDS'] },
  { name: 'Telares de Boyacá S.A.S.', city: 'Tunja', gs1: '770', phone: '+57 608', categories: ['Suéteres', 'Abrigos', 'Accesorios'] },
  { name: 'Urbana Bogotá S.A.S.', city: 'Bogotá', gs1: '770', phone: '+57 601' },
  { name: 'Mar y Sol Trajes de Baño S.A.S.', city: 'Cartagena', gs1: '770', phone: '+57 605', categories: ['Trajes de baño', 'Shorts y bermudas'] },
  { name: 'Cueros del Quindío S.A.S.', city: 'Armenia', gs1: '770', phone: '+57 606', categories: ['Accesorios', 'Chaquetas'] },
  { name: 'Sombreros de Sampués Ltda.', city: 'Sincelejo', gs1: '770', phone: '+57 605', categories: ['Accesorios'] },
  { name: 'Confecciones Chicamocha S.A.S.', city: 'Bucaramanga', gs1: '770', phone: '+57 607' },
  { name: 'Textiles Girardot S.A.', city: 'Girardot', gs1: '770', phone: '+57 601' },
  { name: 'Moda Pacífico S.A.S.', city: 'Cali', gs1: '770', phone: '+57 602' },
  { name: 'Fibras Verdes S.A.S.', city: 'Rionegro', gs1: '770', phone: '+57 604' },
  { name: 'Taller Laureles S.A.S.', city: 'Medellín', gs1: '770', phone: '+57 604', departments: ['WOMEN', 'MEN'] },
  { name: 'Algodón Pima del Perú S.A.C.', city: 'Lima', gs1: '775', phone: '+51 1', categories: ['Camisetas', 'Camisas', 'Pijamas', 'Ropa interior'] },
  { name: 'Tejidos Arequipa S.A.C.', city: 'Arequipa', gs1: '775', phone: '+51 54', categories: ['Suéteres', 'Abrigos', 'Accesorios'] },
  { name: 'Confecciones Jalisco S.A. de C.V.', city: 'Guadalajara', gs1: '750', phone: '+52 33' },
  { name: 'Mezclilla del Bajío S.A. de C.V.', city: 'León', gs1: '750', phone: '+52 477', categories: ['Jeans', 'Chaquetas', 'Shorts y bermudas'] },
  { name: 'Textil Levante S.L.', city: 'Valencia', gs1: '843', phone: '+34 96' },
  { name: 'Moda Galicia S.L.', city: 'A Coruña', gs1: '847', phone: '+34 981', departments: ['WOMEN', 'MEN', 'UNISEX'] },
  { name: 'Lanificio Biella S.r.l.', city: 'Biella', gs1: '801', phone: '+39 015', categories: ['Abrigos', 'Suéteres', 'Chaquetas'] },
  { name: 'Maglificio Toscano S.r.l.', city: 'Prato', gs1: '803', phone: '+39 0574', categories: ['Suéteres', 'Camisetas', 'Vestidos'] },
  { name: 'Malharia Paulista Ltda.', city: 'São Paulo', gs1: '789', phone: '+55 11' },
  { name: 'Têxteis do Minho Lda.', city: 'Braga', gs1: '560', phone: '+351 253', categories: ['Camisetas', 'Camisas', 'Ropa interior', 'Calcetines'] },
  { name: 'Anadolu Tekstil A.Ş.', city: 'Estambul', gs1: '869', phone: '+90 212', categories: ['Jeans', 'Camisetas', 'Pijamas', 'Sudaderas'] },
  { name: 'Ningbo Oriental Garments Co., Ltd.', city: 'Ningbo', gs1: '693', phone: '+86 574', categories: ['Chaquetas', 'Abrigos', 'Ropa deportiva', 'Accesorios'] },
];
