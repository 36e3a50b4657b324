/**
 * A customer's display name as SQL, the one definition every query uses:
 * "first [middle] last [second-last]" of tblclientes, for the row aliased `c`.
 */
export const CUSTOMER_NAME_SQL = `TRIM(c.primer_nombre || ' ' || COALESCE(c.segundo_nombre || ' ', '') || c.primer_apellido || COALESCE(' ' || c.segundo_apellido, ''))`;

/** Surname first ("Ospina Valentina"), as people are often searched for at the till. */
export const CUSTOMER_SURNAME_FIRST_SQL = `(c.primer_apellido || ' ' || c.primer_nombre)`;
