/** HMAC secret the worker under test is configured with (tests only). */
export const TEST_JWT_SECRET = "test-secret-with-enough-entropy-0123456789abcdef";
