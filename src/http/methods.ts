/**
 * What a request method does, as the middleware and the OpenAPI contract read it:
 * - `safe`: only reads (RFC 9110): may be answered from caches and replicas and retried freely;
 * - `body`: carries a request body the API reads (declared `application/json`);
 * - `cacheable`: responses may be stored by caches;
 * - `routed`: routes are declared for it (HEAD is answered by GET's routes, OPTIONS by CORS).
 */
type MethodTrait = "safe" | "body" | "cacheable" | "routed";

/** The one table of the methods the API speaks; every list of methods is derived from it. */
const METHODS = {
  GET: ["safe", "cacheable", "routed"],
  POST: ["body", "routed"],
  PUT: ["body", "routed"],
  PATCH: ["body", "routed"],
  DELETE: ["routed"],
  HEAD: ["safe", "cacheable"],
  OPTIONS: ["safe"],
} as const satisfies Record<string, readonly MethodTrait[]>;

/** A method the API speaks. */
export type HttpMethod = keyof typeof METHODS;

/** Every method the API speaks, in the order of {@link METHODS}. */
export const HTTP_METHODS = Object.keys(METHODS) as HttpMethod[];
const methodsWith = (trait: MethodTrait): ReadonlySet<string> =>
  new Set(HTTP_METHODS.filter((m) => (METHODS[m] as readonly MethodTrait[]).includes(trait)));

/** Methods routes are declared for (GET, POST, PUT, PATCH, DELETE). */
export const ROUTED_METHODS = [...methodsWith("routed")];

const SAFE = methodsWith("safe");
const WITH_BODY = methodsWith("body");
const CACHEABLE = methodsWith("cacheable");

/**
 * Whether a request method only reads (RFC 9110's safe methods): such requests may be answered
 * from caches and replicas and retried freely; any other may change data.
 *
 * @example if (!isSafeMethod(c.req.method)) session = db.withSession("first-primary");
 */
export const isSafeMethod = (method: string): boolean => SAFE.has(method);

/** Whether requests with this method carry a body the API reads (POST, PUT, PATCH). */
export const carriesBody = (method: string): boolean => WITH_BODY.has(method);

/** Whether responses to this method may be stored by caches (GET, HEAD). */
export const isCacheable = (method: string): boolean => CACHEABLE.has(method);
