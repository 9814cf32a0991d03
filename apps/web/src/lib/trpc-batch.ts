/**
 * Calls per tRPC batch request: the API refuses bigger batches with 400 (MAX_TRPC_BATCH_SIZE in
 * apps/api/src/security.ts), so the batch links split larger ones.
 */
export const TRPC_MAX_BATCH_ITEMS = 20;
