/**
 * Names, places and formats for demo customers and makers' contacts, as they
 * look in a Colombian store. Fictitious: combinations are random.
 */

export const FEMALE_NAMES = [
  'María', 'Luisa', 'Valentina', 'Camila', 'Daniela', 'Sofía', 'Isabella', 'Mariana', 'Laura', 'Natalia',
  'Paula', 'Andrea', 'Carolina', 'Juliana', 'Alejandra', 'Catalina', 'Diana', 'Gabriela', 'Sara', 'Manuela',
  'Ana', 'Lucía', 'Juana', 'Paola', 'Ángela', 'Claudia', 'Sandra', 'Marcela', 'Adriana', 'Liliana',
  'Viviana', 'Tatiana', 'Yuliana', 'Salomé', 'Antonia', 'Emilia', 'Victoria', 'Fernanda', 'Verónica', 'Gloria',
] as const;

export const MALE_NAMES = [
  'Juan', 'Carlos', 'Andrés', 'Santiago', 'Sebastián', 'Mateo', 'Samuel', 'Nicolás', 'Alejandro', 'Daniel',
  'David', 'Felipe', 'Jorge', 'Luis', 'José', 'Miguel', 'Diego', 'Camilo', 'Julián', 'Esteban',
  'Gabriel', 'Tomás', 'Simón', 'Emiliano', 'Jerónimo', 'Martín', 'Ricardo', 'Fernando', 'Óscar', 'Mauricio',
  'Hernán', 'Álvaro', 'Jaime', 'Hugo', 'Iván', 'Rafael', 'Manuel', 'Pablo', 'Cristian', 'Jhon',
] as const;

export const SURNAMES = [
  'Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez',
  'Díaz', 'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Vargas', 'Castro', 'Gutiérrez', 'Álvarez', 'Ruiz',
  'Ortiz', 'Torres', 'Suárez', 'Romero', 'Herrera', 'Valencia', 'Quintero', 'Restrepo', 'Giraldo', 'Cardona',
  'Osorio', 'Zapata', 'Mejía', 'Arango', 'Ospina', 'Salazar', 'Castaño', 'Henao', 'Londoño', 'Ríos',
  'Mosquera', 'Palacios', 'Cuesta', 'Córdoba', 'Pineda', 'Vélez', 'Bermúdez', 'Cárdenas', 'Acosta', 'Duarte',
  'Montoya', 'Betancur', 'Escobar', 'Agudelo', 'Marín', 'Patiño', 'Franco', 'Aguilar', 'Camacho', 'Beltrán',
] as const;

export const EMAIL_DOMAINS = [
  ['gmail.com', 50],
  ['hotmail.com', 20],
  ['outlook.com', 12],
  ['yahoo.com', 8],
  ['icloud.com', 5],
  ['une.net.co', 3],
  ['etb.net.co', 2],
] as const;

/** Colombian cities: landline area code and the first postal code of the city. */
export const CITIES = [
  { name: 'Bogotá', area: '601', zip: 110111, weight: 35 },
  { name: 'Medellín', area: '604', zip: 50001, weight: 18 },
  { name: 'Cali', area: '602', zip: 760001, weight: 12 },
  { name: 'Barranquilla', area: '605', zip: 80001, weight: 8 },
  { name: 'Cartagena', area: '605', zip: 130001, weight: 5 },
  { name: 'Bucaramanga', area: '607', zip: 680001, weight: 5 },
  { name: 'Pereira', area: '606', zip: 660001, weight: 4 },
  { name: 'Manizales', area: '606', zip: 170001, weight: 3 },
  { name: 'Santa Marta', area: '605', zip: 470001, weight: 3 },
  { name: 'Villavicencio', area: '608', zip: 500001, weight: 3 },
  { name: 'Ibagué', area: '608', zip: 730001, weight: 2 },
  { name: 'Pasto', area: '602', zip: 520001, weight: 2 },
] as const;

export const STREET_TYPES = [
  ['Calle', 40],
  ['Carrera', 40],
  ['Avenida', 8],
  ['Transversal', 6],
  ['Diagonal', 6],
] as const;

/** Mobile operator prefixes in use in Colombia (3xx). */
export const MOBILE_PREFIXES = ['300', '301', '302', '304', '305', '310', '311', '312', '313', '314', '315', '316', '317', '318', '319', '320', '321', '322', '323', '350', '351'] as const;

/** Where foreign customers come from (ISO 3166-1 alpha-2), with weights. */
export const FOREIGN_COUNTRIES = [
  ['VE', 40],
  ['EC', 15],
  ['PE', 10],
  ['MX', 10],
  ['US', 10],
  ['ES', 8],
  ['AR', 7],
] as const;

/** Folds accents and spaces away for e-mail local parts ("Ángela Ríos" -> "angela.rios"). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
