import { z as fromOpenApi } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import { z } from "zod";

// The worker's "zod" is src/zod (wrangler.toml [alias], mirrored by the test config): zod's classic
// API with English messages only, so the bundle does not carry every locale.
describe("the bundled zod entry", () => {
  it("is what both our modules and @hono/zod-openapi get", () => {
    expect(Object.keys(z.locales)).toEqual(["en"]);
    expect(Object.keys(z.core.locales)).toEqual(["en"]);
    expect(fromOpenApi).toBe(z);
    expect(zod.z).toBe(z);
  });

  it("keeps zod's classes, so the OpenAPI extension reaches every schema", () => {
    expect(typeof z.ZodType.prototype.openapi).toBe("function");
    const schema = zod.string().openapi({ example: "x" });
    expect(schema).toBeInstanceOf(z.ZodType);
    expect(typeof schema.openapi).toBe("function");
  });

  it("keeps the rest of the classic API", () => {
    for (const name of ["object", "strictObject", "string", "enum", "coerce", "iso", "toJSONSchema", "config", "NEVER", "ZodError"]) {
      expect(z, name).toHaveProperty(name);
    }
  });

  it("leaves out building schemas from JSON Schema at run time, loudly", () => {
    expect(() => (z.fromJSONSchema as unknown as () => unknown)()).toThrow(/not part of this worker's bundle/);
  });

  it("reports validation failures in English", () => {
    const result = z.object({ name: z.string().min(3) }).safeParse({ name: "ab" });
    expect(result.error?.issues[0]?.message).toBe("Too small: expected string to have >=3 characters");
    const wrongType = z.string().safeParse(5);
    expect(wrongType.error?.issues[0]?.message).toBe("Invalid input: expected string, received number");
  });
});
