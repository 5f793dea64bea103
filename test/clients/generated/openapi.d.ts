// Generated from /openapi.json by openapi-typescript (npm run client:types). Do not edit.
export interface paths {
    "/api/admin/index-failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lost index jobs, newest first
         * @description Jobs the queue refused or dead-lettered, keyset-paged.
         */
        get: operations["listIndexFailures"];
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
        /**
         * Re-enqueue the oldest lost index jobs
         * @description The body is optional: none, or an empty one, replays up to 1000.
         */
        post: operations["replayIndexFailures"];
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
        /**
         * Re-index every market (search backfill; safe to repeat)
         * @description Rebuilds the keyword index and enqueues an index job per market. Takes no body.
         */
        post: operations["reindexMarkets"];
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
        /**
         * List markets
         * @description Pages by `cursor` (keyset, any depth) or by `offset` (at most 10000, slower); not both at once.
         */
        get: operations["listMarkets"];
        put?: never;
        /**
         * Create a market
         * @description Send an `Idempotency-Key` (any unique string, e.g. a UUID) to make retries safe: for 24 hours the same key with the same request returns the first response (with `Idempotent-Replayed: true`) instead of writing again; the same key with a different request is a 422.
         */
        post: operations["createMarket"];
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
        /**
         * Get a market
         * @description The market with its description and creator.
         */
        get: operations["getMarket"];
        /**
         * Replace a market's editable fields
         * @description Only the creator, a moderator or an admin may change a market. Resolved markets are final. Send `If-Match` with the ETag of your last read to change only that version of the market (412 otherwise).
         */
        put: operations["replaceMarket"];
        post?: never;
        /**
         * Delete a market (moderators and admins)
         * @description Only a market without positions can be deleted (positions are financial records: close or resolve the market instead; 409). `If-Match` as for changes.
         */
        delete: operations["deleteMarket"];
        options?: never;
        head?: never;
        /**
         * Change some of a market's fields
         * @description Only the creator, a moderator or an admin may change a market. Resolved markets are final. Send `If-Match` with the ETag of your last read to change only that version of the market (412 otherwise). At least one field.
         */
        patch: operations["updateMarket"];
        trace?: never;
    };
    "/api/markets/{id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A market's positions, newest first
         * @description Keyset-paged: pass meta.nextCursor as `cursor`.
         */
        get: operations["listPositions"];
        put?: never;
        /**
         * Take a position on an active market
         * @description Writes the position and adds its amount to the market's volume in one transaction. Send an `Idempotency-Key` (any unique string, e.g. a UUID) to make retries safe: for 24 hours the same key with the same request returns the first response (with `Idempotent-Replayed: true`) instead of writing again; the same key with a different request is a 422.
         */
        post: operations["createPosition"];
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
        /**
         * Search markets by meaning and keywords, best first
         * @description Falls back to the keyword ranking when semantic search has nothing (see meta.served).
         */
        get: operations["searchMarkets"];
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
        /**
         * The caller's positions with their markets, newest first
         * @description Keyset-paged like every list; never cached (`private, no-store`).
         */
        get: operations["listMyPositions"];
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
        /**
         * Liveness and D1 reachability
         * @description 200 only when D1 answers a trivial query.
         */
        get: operations["getHealth"];
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
             * @description Surrounding whitespace is trimmed
             * @default
             * @example Resolves YES if IPMA reports rain.
             */
            description?: string;
            initialPosition?: components["schemas"]["PositionInput"];
            /**
             * @description Surrounding whitespace is trimmed
             * @example Will it rain in Lisbon on 1 May?
             */
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
        ErrorDetail: {
            /**
             * @description The request part: path parameters, query, headers or JSON body
             * @enum {string}
             */
            location: "param" | "query" | "header" | "json";
            message: string;
            /** @description Dotted path inside that part, e.g. `initialPosition.amount` */
            path: string;
        };
        ErrorEnvelope: {
            error: {
                /** @enum {string} */
                code: "validation_failed" | "malformed_json" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "market_not_active" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "idempotency_key_reused" | "rate_limited" | "service_unavailable" | "internal_error";
                /** @description 400: the invalid fields. Absent on most other failures. */
                details?: components["schemas"]["ErrorDetail"][] | {
                    done: number;
                };
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
            /**
             * @description Surrounding whitespace is trimmed
             * @example Resolves YES if IPMA reports rain.
             */
            description?: string;
            /**
             * @description Surrounding whitespace is trimmed
             * @example Will it rain in Lisbon on 1 May?
             */
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
            /**
             * @description Surrounding whitespace is trimmed
             * @example Resolves YES if IPMA reports rain.
             */
            description: string;
            /**
             * @description Surrounding whitespace is trimmed
             * @example Will it rain in Lisbon on 1 May?
             */
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
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "internal_error",
                 *         "message": "Internal server error"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid input (validation_failed, malformed_json) */
        InvalidRequest: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "validation_failed",
                 *         "message": "The request is not valid",
                 *         "details": [
                 *           {
                 *             "location": "json",
                 *             "path": "initialPosition.amount",
                 *             "message": "Too small: expected number to be >=1"
                 *           }
                 *         ]
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The representation still matches If-None-Match */
        NotModified: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                ETag: components["headers"]["ETag"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Body larger than allowed (payload_too_large) */
        PayloadTooLarge: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "payload_too_large",
                 *         "message": "Request body exceeds 65536 bytes"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Rate limit exceeded (rate_limited); see Retry-After */
        RateLimited: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "rate_limited",
                 *         "message": "Too many requests; retry in 12 s"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A dependency is unavailable (service_unavailable); see Retry-After. Transient database failures land here; retrying later is safe for reads. */
        ServiceUnavailable: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "service_unavailable",
                 *         "message": "The database is briefly unavailable; retry shortly"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Missing or invalid bearer token (unauthorized). A token that fails verification is refused on every /api route, public reads included, after it is counted against the address's anonymous rate limit. */
        Unauthorized: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "unauthorized",
                 *         "message": "Authentication required"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Body is not application/json (unsupported_media_type) */
        UnsupportedMediaType: {
            headers: {
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Cache": components["headers"]["X-Cache"];
                "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "error": {
                 *         "code": "unsupported_media_type",
                 *         "message": "Request body must be application/json"
                 *       },
                 *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes). */
        D1Bookmark: string;
        /** @description An ETag from an earlier response: 304 without a body while it still matches. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description `public, max-age=60` for anonymous /api reads without a bookmark; otherwise `no-store` (`private, no-store` on /api). */
        "Cache-Control": string;
        /** @description Strong validator of the body; send it as If-None-Match. */
        ETag: string;
        /** @description `true` when this is the stored first response to the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description Requests allowed in the caller's window (per user, else per client address). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window frees capacity. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description `Bearer` when a token is missing, `Bearer error="invalid_token"` when one was refused (RFC 6750). */
        "WWW-Authenticate": string;
        /** @description Whether the KV market cache answered (HIT), was filled (MISS) or was skipped (BYPASS); only when it took part. */
        "X-Cache": "HIT" | "MISS" | "BYPASS";
        /** @description D1 session bookmark after this request. Send it back as the X-D1-Bookmark request header to read your own writes. */
        "X-D1-Bookmark": string;
        /** @description Identifies the request in the logs; sent back when the client supplies a sane one. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listIndexFailures: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayIndexFailures: {
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
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than allowed (payload_too_large) */
            413: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Request body exceeds 65536 bytes"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not application/json (unsupported_media_type) */
            415: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unsupported_media_type",
                     *         "message": "Request body must be application/json"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
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
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "service_unavailable",
                     *         "message": "The database is briefly unavailable; retry shortly"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reindexMarkets: {
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
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
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
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "service_unavailable",
                     *         "message": "The database is briefly unavailable; retry shortly"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listMarkets: {
        parameters: {
            query?: {
                /** @description meta.nextCursor of the previous page (same sort, order and status); excludes a non-zero offset */
                cursor?: string;
                limit?: number;
                /** @description Rows to skip (at most 10000). Slower path: D1 reads every skipped row; prefer cursor. Only 0 together with cursor. */
                offset?: number;
                order?: "asc" | "desc";
                sort?: "volume" | "created_at" | "name";
                /** @description Only markets in this state */
                status?: "active" | "closed" | "resolved";
            };
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createMarket: {
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
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The new market's path */
                    Location?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the resource's state (conflict, market_not_active) */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "A resolved market can no longer be changed"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than allowed (payload_too_large) */
            413: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Request body exceeds 65536 bytes"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not application/json (unsupported_media_type) */
            415: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unsupported_media_type",
                     *         "message": "Request body must be application/json"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The Idempotency-Key was already used with a different request (idempotency_key_reused) */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "idempotency_key_reused",
                     *         "message": "This Idempotency-Key was already used with a different request"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMarket: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceMarket: {
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
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the resource's state (conflict, market_not_active) */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "A resolved market can no longer be changed"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
            412: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "precondition_failed",
                     *         "message": "The market has changed since the ETag in If-Match was read; fetch it again"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than allowed (payload_too_large) */
            413: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Request body exceeds 65536 bytes"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not application/json (unsupported_media_type) */
            415: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unsupported_media_type",
                     *         "message": "Request body must be application/json"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteMarket: {
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
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the resource's state (conflict, market_not_active) */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "A resolved market can no longer be changed"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
            412: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "precondition_failed",
                     *         "message": "The market has changed since the ETag in If-Match was read; fetch it again"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
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
    updateMarket: {
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
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the resource's state (conflict, market_not_active) */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "A resolved market can no longer be changed"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match does not match the market's current ETag (precondition_failed); nothing was changed */
            412: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "precondition_failed",
                     *         "message": "The market has changed since the ETag in If-Match was read; fetch it again"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than allowed (payload_too_large) */
            413: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Request body exceeds 65536 bytes"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not application/json (unsupported_media_type) */
            415: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unsupported_media_type",
                     *         "message": "Request body must be application/json"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPositions: {
        parameters: {
            query?: {
                /** @description meta.nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPosition: {
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
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (forbidden) */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Role 'user' lacks the 'delete' permission"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such resource (not_found) */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Market not found"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the resource's state (conflict, market_not_active) */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "A resolved market can no longer be changed"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than allowed (payload_too_large) */
            413: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Request body exceeds 65536 bytes"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not application/json (unsupported_media_type) */
            415: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unsupported_media_type",
                     *         "message": "Request body must be application/json"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The Idempotency-Key was already used with a different request (idempotency_key_reused) */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "idempotency_key_reused",
                     *         "message": "This Idempotency-Key was already used with a different request"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchMarkets: {
        parameters: {
            query: {
                limit?: number;
                /** @description hybrid: semantic and keyword rankings fused (RRF) */
                mode?: "hybrid" | "semantic" | "keyword";
                /** @description Surrounding whitespace is trimmed */
                q: string;
                status?: "active" | "closed" | "resolved";
            };
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyPositions: {
        parameters: {
            query?: {
                /** @description meta.nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description An ETag from an earlier response: 304 without a body while it still matches. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
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
            304: components["responses"]["NotModified"];
            /** @description Invalid input (validation_failed, malformed_json) */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "The request is not valid",
                     *         "details": [
                     *           {
                     *             "location": "json",
                     *             "path": "initialPosition.amount",
                     *             "message": "Too small: expected number to be >=1"
                     *           }
                     *         ]
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or invalid bearer token (unauthorized) */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Cache": components["headers"]["X-Cache"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Authentication required"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
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
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-D1-Bookmark": components["headers"]["X-D1-Bookmark"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": {
                     *         "code": "service_unavailable",
                     *         "message": "The database is briefly unavailable; retry shortly"
                     *       },
                     *       "requestId": "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
