import type { Principal } from "./auth/principal";
import type { Config } from "./config";
import type { ApiError } from "./http/errors";
import type { Logger } from "./log/logger";
import type { Services } from "./services";

/**
 * Hono environment shared by every route and middleware. Read variables with `c.get("name")`:
 * Hono's `c.var` builds a fresh object from all of them on every access.
 */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    logger: Logger;
    config: Config;
    services: Services;
    /** Set by `authenticate` when a valid bearer token was sent. */
    principal?: Principal;
    /** Set by `authenticate` when a token was sent and refused; answered after rate limiting. */
    authFailure?: ApiError | undefined;
    /** On /api writes: hands the rate limiter's decision to the session's held writes. */
    writeAdmission?: (decision: Promise<unknown>) => void;
  };
}
