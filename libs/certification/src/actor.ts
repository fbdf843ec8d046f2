/**
 * Who did it, as the case histories record it (the `actor_*` columns): a user, an API key, or
 * the platform itself (all null) when a job moves the case on. A `Principal` is one.
 */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  organizationId: string | null;
}

export const SYSTEM: Actor = { userId: null, apiKeyId: null, organizationId: null };
