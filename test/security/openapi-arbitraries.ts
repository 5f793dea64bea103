import fc from "fast-check";

/** The slice of JSON Schema (OpenAPI 3.1) the document uses. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minProperties?: number;
  example?: unknown;
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

/** Headers of HTTP itself, CORS and the secure-headers middleware; the document lists the rest. */
const TRANSPORT_HEADERS =
  /^(content-type|content-length|date|vary|access-control-.*|cross-origin-.*|origin-agent-cluster|referrer-policy|strict-transport-security|x-content-type-options|x-dns-prefetch-control|x-download-options|x-frame-options|x-permitted-cross-domain-policies|x-xss-protection)$/;

/** A documented response, with `$ref`s to shared responses followed. */
export type DocumentedResponse = { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> };

/** The response headers the documented response (followed if it is a `$ref`) does not list. */
export function undocumentedHeaders(
  response: DocumentedResponse,
  shared: Record<string, DocumentedResponse>,
  headers: Headers,
): string[] {
  const described = response.$ref ? shared[response.$ref.split("/").pop()!]! : response;
  const known = new Set(Object.keys(described.headers ?? {}).map((h) => h.toLowerCase()));
  return [...headers.keys()].filter((name) => !TRANSPORT_HEADERS.test(name) && !known.has(name));
}

/** The schema a `$ref` points at (followed until it is no reference). */
export const resolve = (schema: Schema, components: Components): Schema => {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = components.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target, components);
};

/** Values the schema accepts, as far as JSON Schema can say (patterns and refinements aside). */
export function validArb(input: Schema, components: Components): fc.Arbitrary<unknown> {
  const schema = resolve(input, components);
  // The document's own examples are values it promises to accept: try them often.
  if (schema.example !== undefined) return fc.oneof(fc.constant(schema.example), validArb({ ...schema, example: undefined }, components));
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
      if (s.pattern) {
        const [min, max] = [s.minLength ?? 0, s.maxLength ?? Infinity];
        return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
      }
      {
        const [min, max] = [s.minLength ?? 0, Math.min(s.maxLength ?? 64, 300)];
        const text = fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
        // Surrounding whitespace is where trimming and length checks part ways: try it often.
        const padded = fc
          .tuple(fc.constantFrom(" ", "  ", "\t", "\n "), fc.string({ maxLength: max, unit: "grapheme" }), fc.constantFrom("", " ", "  "))
          .map(([before, core, after]) => before + core + after)
          .filter((v) => v.length >= min && v.length <= max);
        return fc.oneof({ arbitrary: text, weight: 3 }, padded);
      }
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
      const requiredKeys = [...required].filter((k) => k in props);
      // With nothing required, the empty object is the edge case worth trying every time.
      const record = requiredKeys.length ? fc.record(model, { requiredKeys }) : fc.oneof(fc.record(model, { requiredKeys }), fc.constant({}));
      const min = s.minProperties ?? 0;
      return min ? record.filter((v) => Object.keys(v).length >= min) : record;
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

/**
 * Where `value` departs from `schema` (types, enums, required and unknown properties, string
 * lengths and patterns, integer bounds, array items, anyOf): empty when it conforms. `strict`
 * also counts properties the schema does not list, as a response should never carry any.
 */
export function schemaErrors(input: Schema, value: unknown, components: Components, strict = false, at = "$"): string[] {
  const s = resolve(input, components);
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const tries = union.map((u) => schemaErrors(u, value, components, strict, at));
    return tries.some((t) => t.length === 0) ? [] : [`${at}: matches none of ${union.length} alternatives (${tries.flat()[0]})`];
  }
  if (s.allOf) {
    // Object parts (an extended schema) merge into one, so `strict` sees every listed property.
    const parts = s.allOf.map((part) => resolve(part, components));
    if (parts.every((part) => part.properties)) {
      const properties = Object.assign({}, ...parts.map((part) => part.properties));
      return schemaErrors({ type: "object", properties, required: parts.flatMap((part) => part.required ?? []) }, value, components, strict, at);
    }
    return parts.flatMap((part) => schemaErrors(part, value, components, strict, at));
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  if (types.length && !types.includes(actual) && !(actual === "integer" && types.includes("number"))) return [`${at}: ${actual}, expected ${types.join("|")}`];
  if (typeof value === "string") {
    if (value.length < (s.minLength ?? 0) || value.length > (s.maxLength ?? Infinity)) return [`${at}: length ${value.length}`];
    if (s.pattern && !new RegExp(s.pattern).test(value)) return [`${at}: does not match ${s.pattern}`];
    if (s.format === "date-time" && Number.isNaN(Date.parse(value))) return [`${at}: not a date-time`];
  }
  if (typeof value === "number" && (value < (s.minimum ?? -Infinity) || value > (s.maximum ?? Infinity))) return [`${at}: ${value} out of range`];
  if (Array.isArray(value)) return value.flatMap((item, i) => schemaErrors(s.items ?? {}, item, components, strict, `${at}[${i}]`));
  if (actual !== "object") return [];
  const object = value as Record<string, unknown>;
  const props = s.properties ?? {};
  return [
    ...(s.required ?? []).filter((k) => !(k in object)).map((k) => `${at}.${k}: missing`),
    ...(strict || s.additionalProperties === false ? Object.keys(object).filter((k) => !(k in props)).map((k) => `${at}.${k}: not documented`) : []),
    ...Object.entries(props).flatMap(([k, sub]) => (k in object ? schemaErrors(sub, object[k], components, strict, `${at}.${k}`) : [])),
  ];
}
