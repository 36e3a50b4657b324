import { v7 } from 'uuid';

/** A new global id (UUIDv7: time-ordered, so indexes stay append-friendly). */
export const newGlobalId = (): string => v7();
