const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request method only reads (RFC 9110's safe methods): such requests may be answered
 * from caches and replicas and retried freely; any other may change data.
 *
 * @example if (!isSafeMethod(c.req.method)) session = db.withSession("first-primary");
 */
export const isSafeMethod = (method: string): boolean => SAFE_METHODS.has(method);
