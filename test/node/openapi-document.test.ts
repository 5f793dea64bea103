import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { openApiDocument } from "../../src/http/openapi-document";

describe("the OpenAPI document", () => {
  it("passes a real OpenAPI 3.1 validator", async () => {
    const doc = openApiDocument(createApp());
    // validate() throws with every problem it finds; it also resolves every $ref.
    const validated = await SwaggerParser.validate(structuredClone(doc) as never);
    expect(validated.openapi).toBe("3.1.0");
    expect(Object.keys(validated.paths ?? {}).length).toBeGreaterThanOrEqual(5);
  });
});
