/**
 * Named operations on process formations (quantity, size, restart epochs). Implemented by ./sqlite/sqlite-formations-store.ts; no SQL outside it.
 */

export interface FormationStore {}
