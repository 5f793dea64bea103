import type {} from "vitest";

/** Values the global setup hands to tests (vitest `provide`/`inject`). */
declare module "vitest" {
  export interface ProvidedContext {
    jwksUrl: string;
    /** Private JWK of the identity provider's RS256 key, for tests to sign with. */
    idpPrivateJwk: Record<string, unknown>;
    /** Its public JWK, for the algorithm-confusion test. */
    idpPublicJwk: Record<string, unknown>;
  }
}


