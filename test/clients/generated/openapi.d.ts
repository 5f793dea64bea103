// Generated from /openapi.json by openapi-typescript (npm run client:types). Do not edit.
export interface paths {
    "/api/admin/index-failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lost index jobs, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["IndexFailure"][];
                            meta: components["schemas"]["CursorPageMeta"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/index-failures/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enqueue the oldest lost index jobs */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReplayRequest"];
                };
            };
            responses: {
                /** @description Replayed */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ReplayResult"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body larger than allowed (payload_too_large) */
                413: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body is not application/json (unsupported_media_type) */
                415: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                /** @description A dependency is unavailable (service_unavailable); see Retry-After */
                503: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-index every market (search backfill; safe to repeat) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Enqueued */
                202: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ReindexResult"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                413: components["responses"]["PayloadTooLarge"];
                415: components["responses"]["UnsupportedMediaType"];
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                /** @description A dependency is unavailable (service_unavailable); see Retry-After */
                503: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/markets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List markets */
        get: {
            parameters: {
                query?: {
                    /** @description meta.nextCursor of the previous page (same sort, order and status) */
                    cursor?: string;
                    limit?: number;
                    /** @description Rows to skip (at most 10000). Slower path: D1 reads every skipped row; prefer cursor. */
                    offset?: number | null;
                    order?: "asc" | "desc";
                    sort?: "volume" | "created_at" | "name";
                    /** @description Only markets in this state */
                    status?: "active" | "closed" | "resolved";
                };
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of markets */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MarketSummary"][];
                            meta: components["schemas"]["PageMeta"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        put?: never;
        /**
         * Create a market
         * @description Send an `Idempotency-Key` (any unique string, e.g. a UUID) to make retries safe: for 24 hours the same key with the same request returns the first response (with `Idempotent-Replayed: true`) instead of writing again; the same key with a different request is a 422.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this write safe (see the operation's description). */
                    "Idempotency-Key"?: string;
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMarket"];
                };
            };
            responses: {
                /** @description The created market */
                201: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Market"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The request conflicts with the resource's state (conflict, market_not_active) */
                409: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body larger than allowed (payload_too_large) */
                413: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body is not application/json (unsupported_media_type) */
                415: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The Idempotency-Key was already used with a different request (idempotency_key_reused) */
                422: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/markets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a market */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The market */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Market"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        /**
         * Replace a market's editable fields
         * @description Only the creator, a moderator or an admin may change a market. Resolved markets are final. Send `If-Match` with the ETag of your last read to change only that version of the market (412 otherwise).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the market as last read (GET). The change is made only if the market still has it; otherwise 412 and nothing changes. `*` matches any existing market. */
                    "If-Match"?: string;
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplaceMarket"];
                };
            };
            responses: {
                /** @description The updated market (with its new ETag) */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Market"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The request conflicts with the resource's state (conflict, market_not_active) */
                409: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
                412: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body larger than allowed (payload_too_large) */
                413: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body is not application/json (unsupported_media_type) */
                415: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        post?: never;
        /**
         * Delete a market (moderators and admins)
         * @description Only a market without positions can be deleted (positions are financial records: close or resolve the market instead; 409). `If-Match` as for changes.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the market as last read (GET). The change is made only if the market still has it; otherwise 412 and nothing changes. `*` matches any existing market. */
                    "If-Match"?: string;
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The request conflicts with the resource's state (conflict, market_not_active) */
                409: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
                412: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                413: components["responses"]["PayloadTooLarge"];
                415: components["responses"]["UnsupportedMediaType"];
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some of a market's fields
         * @description Only the creator, a moderator or an admin may change a market. Resolved markets are final. Send `If-Match` with the ETag of your last read to change only that version of the market (412 otherwise).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the market as last read (GET). The change is made only if the market still has it; otherwise 412 and nothing changes. `*` matches any existing market. */
                    "If-Match"?: string;
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatchMarket"];
                };
            };
            responses: {
                /** @description The updated market (with its new ETag) */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Market"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The request conflicts with the resource's state (conflict, market_not_active) */
                409: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
                412: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body larger than allowed (payload_too_large) */
                413: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body is not application/json (unsupported_media_type) */
                415: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        trace?: never;
    };
    "/api/markets/{id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A market's positions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description meta.nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of positions */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Position"][];
                            meta: components["schemas"]["CursorPageMeta"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        put?: never;
        /**
         * Take a position on an active market
         * @description Writes the position and adds its amount to the market's volume in one transaction. Send an `Idempotency-Key` (any unique string, e.g. a UUID) to make retries safe: for 24 hours the same key with the same request returns the first response (with `Idempotent-Replayed: true`) instead of writing again; the same key with a different request is a 422.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this write safe (see the operation's description). */
                    "Idempotency-Key"?: string;
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PositionInput"];
                };
            };
            responses: {
                /** @description The position and the market's new volume */
                201: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["PlacedPosition"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Authenticated but not allowed (forbidden) */
                403: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description No such resource (not_found) */
                404: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The request conflicts with the resource's state (conflict, market_not_active) */
                409: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body larger than allowed (payload_too_large) */
                413: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Body is not application/json (unsupported_media_type) */
                415: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description The Idempotency-Key was already used with a different request (idempotency_key_reused) */
                422: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/markets/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search markets by meaning and keywords, best first */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    /** @description hybrid: semantic and keyword rankings fused (RRF) */
                    mode?: "hybrid" | "semantic" | "keyword";
                    q: string;
                    status?: "active" | "closed" | "resolved";
                };
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Matches */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SearchHit"][];
                            meta: components["schemas"]["SearchMeta"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's positions with their markets, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description meta.nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of positions */
                200: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MyPosition"][];
                            meta: components["schemas"]["CursorPageMeta"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Invalid input (validation_failed, malformed_json) */
                400: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                /** @description Missing or invalid bearer token (unauthorized) */
                401: {
                    headers: {
                        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                        "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
                429: components["responses"]["RateLimited"];
                500: components["responses"]["InternalError"];
                503: components["responses"]["ServiceUnavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and D1 reachability */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
                    "x-d1-bookmark"?: components["parameters"]["D1Bookmark"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Healthy */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Health"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthorized"];
                500: components["responses"]["InternalError"];
                /** @description A dependency is unavailable (service_unavailable); see Retry-After */
                503: {
                    headers: {
                        "X-Request-Id": components["headers"]["X-Request-Id"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorEnvelope"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateMarket: {
            /**
             * @default
             * @example Resolves YES if IPMA reports rain.
             */
            description?: string;
            initialPosition?: components["schemas"]["PositionInput"];
            /** @example Will it rain in Lisbon on 1 May? */
            name: string;
        };
        Creator: {
            displayName: string;
            id: string;
        };
        CursorPageMeta: {
            hasMore: boolean;
            limit: number;
            nextCursor: string | null;
        };
        ErrorEnvelope: {
            error: {
                /**
                 * @example validation_failed
                 * @enum {string}
                 */
                code: "validation_failed" | "malformed_json" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "market_not_active" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "idempotency_key_reused" | "rate_limited" | "service_unavailable" | "internal_error";
                details?: unknown;
                message: string;
            };
            requestId: string;
            /** @enum {boolean} */
            success: false;
        };
        Health: {
            checks: {
                /** @enum {string} */
                d1: "ok";
            };
            /** @enum {string} */
            status: "ok";
        };
        IndexFailure: {
            /** @description Deliveries (0: never sent) */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            error: string;
            id: string;
            marketId: string;
            /** @enum {string} */
            op: "upsert" | "delete";
            /**
             * @description send: refused by the queue; dead_letter: retries exhausted
             * @enum {string}
             */
            source: "send" | "dead_letter";
            version: number;
        };
        Market: components["schemas"]["MarketSummary"] & {
            description: string;
        };
        MarketSummary: {
            /** Format: date-time */
            createdAt: string;
            creator: components["schemas"]["Creator"];
            id: string;
            name: string;
            /** @enum {string} */
            status: "active" | "closed" | "resolved";
            /** Format: date-time */
            updatedAt: string;
            /** @description Total staked, in the smallest currency unit */
            volume: number;
        };
        MyPosition: {
            amount: number;
            /** Format: date-time */
            createdAt: string;
            id: string;
            market: {
                id: string;
                name: string;
                /** @enum {string} */
                status: "active" | "closed" | "resolved";
            };
            /** @enum {string} */
            side: "yes" | "no";
        };
        PageMeta: {
            hasMore: boolean;
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
            offset: number;
        };
        PatchMarket: {
            /** @example Resolves YES if IPMA reports rain. */
            description?: string;
            /** @example Will it rain in Lisbon on 1 May? */
            name?: string;
            /** @enum {string} */
            status?: "active" | "closed" | "resolved";
        };
        PlacedPosition: components["schemas"]["Position"] & {
            market: {
                id: string;
                volume: number;
            };
        };
        Position: {
            amount: number;
            /** Format: date-time */
            createdAt: string;
            id: string;
            marketId: string;
            /** @enum {string} */
            side: "yes" | "no";
            user: {
                displayName: string;
                id: string;
            };
        };
        /** @description The creator's own first position, written in the same transaction as the market */
        PositionInput: {
            /**
             * @description Stake in the smallest currency unit (e.g. cents); an integer
             * @example 2500
             */
            amount: number;
            /** @enum {string} */
            side: "yes" | "no";
        };
        ReindexResult: {
            /** @description Index jobs enqueued */
            count: number;
        };
        ReplaceMarket: {
            /** @example Resolves YES if IPMA reports rain. */
            description: string;
            /** @example Will it rain in Lisbon on 1 May? */
            name: string;
            /** @enum {string} */
            status: "active" | "closed" | "resolved";
        };
        ReplayRequest: {
            /** @default 1000 */
            limit?: number;
        };
        ReplayResult: {
            /** @description More are waiting: call again */
            remaining: boolean;
            replayed: number;
        };
        SearchHit: components["schemas"]["MarketSummary"] & {
            /** @description Higher is better: cosine (semantic), -BM25 (keyword), RRF sum (hybrid) */
            score: number;
        };
        SearchMeta: {
            limit: number;
            /** @enum {string} */
            mode: "hybrid" | "semantic" | "keyword";
            /**
             * @description The ranking that answered (keyword when semantic had nothing)
             * @enum {string}
             */
            served: "hybrid" | "semantic" | "keyword";
        };
    };
    responses: {
        /** @description Unexpected failure (internal_error); quote the requestId when reporting it */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid input (validation_failed, malformed_json) */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Body larger than allowed (payload_too_large) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Rate limit exceeded (rate_limited); see Retry-After */
        RateLimited: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A dependency is unavailable (service_unavailable); see Retry-After. Transient database failures land here; retrying later is safe for reads. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Missing or invalid bearer token (unauthorized). A token that fails verification is refused on every /api route, public reads included (after it is counted against the address's anonymous rate limit). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Body is not application/json (unsupported_media_type) */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
        D1Bookmark: string;
    };
    requestBodies: never;
    headers: {
        /** @description Requests allowed in the caller's window (per user, else per client address). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window frees capacity. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description D1 session bookmark after this request. Send it back as the X-D1-Bookmark request header to read your own writes. */
        "X-D1-Bookmark": string;
        /** @description Identifies the request in the logs; sent back when the client supplies a sane one. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
