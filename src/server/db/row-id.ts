import { randomUUID } from 'node:crypto';

/** Row ids: random UUIDs, so ids never reveal how many rows there are and instances never collide. */
export const newRowId = (): string => randomUUID();
