import type { NewStaffUser } from '../staff/staff-service';

/**
 * Staff of the demo database, with PINs that are public on purpose (README,
 * e2e tests, trainers). Never use them in a real store: create real users
 * with `admin user add` and disable these.
 */
export const DEMO_STAFF: readonly Readonly<NewStaffUser>[] = [
  { username: 'admin', displayName: 'Ana Martínez', role: 'admin', pin: '2580' },
  { username: 'manager', displayName: 'Carlos Gómez', role: 'manager', pin: '1357' },
  { username: 'cashier', displayName: 'Lucía Pérez', role: 'cashier', pin: '2468' },
  { username: 'cashier2', displayName: 'Mateo Rojas', role: 'cashier', pin: '1470' },
];
