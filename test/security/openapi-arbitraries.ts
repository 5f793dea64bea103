import fc from "fast-check";

/** The slice of JSON Schema (OpenAPI 3.1) the document uses. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

type Components = { schemas?: Record<string, Schema> };

const resolve = (schema: Schema, components: Components): Schema => {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = components.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target, components);
};

/** Values the schema accepts, as far as JSON Schema can say (patterns and refinements aside). */
export function validArb(input: Schema, components: Components): fc.Arbitrary<unknown> {
  const schema = resolve(input, components);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => validArb(s, components));
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter((v) => typeof v === "object")));
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => validArb(s, components)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  return fc.oneof(...types.map((t) => typedArb(t, schema, components)));
}

function typedArb(type: string, s: Schema, components: Components): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      if (s.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 64, 300), unit: "grapheme" });
    case "integer":
      return fc.integer({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validArb(s.items ?? {}, components), { maxLength: 5 });
    default: {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v, components)]));
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) });
    }
  }
}

/** Junk of every kind: wrong types, huge and strange strings, nested structures. */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: false, withMap: false, withSet: false, withTypedArray: false, withDate: false }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc.constantFrom("", " ", "null", "-1", "1e309", "NaN", "0x10", "'; DROP TABLE markets;--", "<script>", "%00", "../..", "\u0000", "🙂".repeat(300)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** A body for the schema: valid, valid with one field broken, a field missing, extra fields, or junk. */
export function mutatedArb(schema: Schema, components: Components): fc.Arbitrary<unknown> {
  const valid = validArb(schema, components);
  const resolved = resolve(schema, components);
  const keys = Object.keys(resolved.properties ?? {});
  const objectMutations: fc.Arbitrary<unknown>[] = keys.length
    ? [
        fc.tuple(valid, fc.constantFrom(...keys), junkArb).map(([v, k, j]) => ({ ...(v as object), [k]: j })),
        fc.tuple(valid, fc.constantFrom(...keys)).map(([v, k]) => {
          const copy = { ...(v as Record<string, unknown>) };
          delete copy[k];
          return copy;
        }),
        fc
          .tuple(valid, fc.constantFrom("id", "volume", "creatorId", "createdAt", "role", "__proto__", "constructor", "status"), junkArb)
          .map(([v, k, j]) => ({ ...(v as object), [k]: j })),
      ]
    : [];
  return fc.oneof({ arbitrary: valid, weight: 3 }, ...objectMutations, junkArb);
}
