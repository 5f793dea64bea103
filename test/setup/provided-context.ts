import type {} from "vitest";

/** Values the global setup hands to tests (vitest `provide`/`inject`). */
declare module "vitest" {
  export interface ProvidedContext {
    jwksUrl: string;
    /** Private JWK of the identity provider's RS256 key, for tests to sign with. */
    idpPrivateJwk: Record<string, unknown>;
    /** Its public JWK, for the algorithm-confusion test. */
    idpPublicJwk: Record<string, unknown>;
    /** The private redis-server (for the bridge's own tests). */
    redisUrl: string;
    /** The Upstash REST bridge in front of it, and its bearer token. */
    upstashUrl: string;
    upstashToken: string;
    /** The bridge behind a switch: while stopped via `bridgeControlUrl` (POST /bridge/stop|start) every command fails. */
    pausableUpstashUrl: string;
    bridgeControlUrl: string;
    /**
     * A proxy in front of the first bridge that can hold Upstash's answers: through
     * `bridgeControlUrl`, POST /gate/hold, POST /gate/release, GET /gate/stats ({held, forwarded}).
     */
    gatedUpstashUrl: string;
    /** A bridge (token `upstashToken`) on a redis-server only the Upstash transport's tests use. */
    privateUpstashUrl: string;
    /** Answers any request with `{"result": {method, path, headers, body}}`, the request as it arrived. */
    echoUpstashUrl: string;
  }
}


