/** What a request method does, as the middleware and the OpenAPI contract read it. */
interface MethodTraits {
  /** Only reads (RFC 9110's safe methods): may be answered from caches and replicas and retried freely. */
  safe: boolean;
  /** Carries a request body the API reads (declared `application/json`). */
  body: boolean;
  /** Responses may be stored by caches (RFC 9110 9.2.3, as far as this API goes). */
  cacheable: boolean;
  /** Routes are declared for it; HEAD is answered by GET's routes and OPTIONS by CORS. */
  routed: boolean;
}

/** The one table of the methods the API speaks; every list of methods is derived from it. */
const METHODS = {
  GET: { safe: true, body: false, cacheable: true, routed: true },
  POST: { safe: false, body: true, cacheable: false, routed: true },
  PUT: { safe: false, body: true, cacheable: false, routed: true },
  PATCH: { safe: false, body: true, cacheable: false, routed: true },
  DELETE: { safe: false, body: false, cacheable: false, routed: true },
  HEAD: { safe: true, body: false, cacheable: true, routed: false },
  OPTIONS: { safe: true, body: false, cacheable: false, routed: false },
} as const satisfies Record<string, MethodTraits>;

/** A method the API speaks. */
export type HttpMethod = keyof typeof METHODS;

/** Every method the API speaks, in the order of {@link METHODS}. */
export const HTTP_METHODS = Object.keys(METHODS) as HttpMethod[];
const having = (trait: keyof MethodTraits) => HTTP_METHODS.filter((m) => METHODS[m][trait]);

/** Methods routes are declared for (GET, POST, PUT, PATCH, DELETE). */
export const ROUTED_METHODS: readonly HttpMethod[] = having("routed");

const SAFE = new Set<string>(having("safe"));
const WITH_BODY = new Set<string>(having("body"));
const CACHEABLE = new Set<string>(having("cacheable"));

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
