import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { openApiDocument } from "../../src/http/openapi-document";

// The typed client in test/clients/ is generated from the served document; this keeps the committed
// types in step with the routes. After changing a route: `npm run client:types`.
describe("types for openapi-fetch, generated from /openapi.json", () => {
  it("are up to date", async () => {
    const doc = structuredClone(openApiDocument(createApp()));
    const source = astToString(await openapiTS(doc as never, { alphabetize: true, defaultNonNullable: false }));
    await expect(`// Generated from /openapi.json by openapi-typescript (npm run client:types). Do not edit.\n${source}`).toMatchFileSnapshot(
      "../clients/generated/openapi.d.ts",
    );
  });
});
