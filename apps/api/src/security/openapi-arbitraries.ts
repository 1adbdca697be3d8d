import fc from "fast-check";

/** The parts of an OpenAPI 3.1 (JSON Schema) schema the fuzz suite reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  parameters?: { name: string; in: "path" | "query" | "header" | "cookie"; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return resolveSchema(doc, doc.components?.schemas?.[name]);
}

/** Every property a body may have, across the branches of a union (e.g. child or adult). */
export function bodyProperties(
  doc: OpenApiDocument,
  schema: JsonSchema,
): Record<string, JsonSchema> {
  const resolved = resolveSchema(doc, schema);
  const branches = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  const merged: Record<string, JsonSchema> = { ...resolved.properties };
  for (const branch of branches) Object.assign(merged, bodyProperties(doc, branch));
  return merged;
}

const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** Text an attacker would send: control characters inside words, odd Unicode, huge and empty. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 12 }), controlCharacter, fc.string({ maxLength: 12 }))
    .map(([before, control, after]) => `Robin ${before}${control}${after}`),
  fc.constantFrom(
    "",
    "   ",
    "\u0000",
    "\ud800 lone surrogate",
    "'; drop table families; --",
    "%00",
    "<script>alert(1)</script>",
    "x".repeat(5000),
    "\u{1d54f}".repeat(3000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/**
 * Percent-encodes text for a query string. `encodeURIComponent` throws on a
 * lone surrogate, so one is sent as the three bytes a careless client would
 * send for it (never valid UTF-8), which the server must refuse cleanly.
 */
export function percentEncode(text: string): string {
  let encoded = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    encoded +=
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join("")
        : encodeURIComponent(char);
  }
  return encoded;
}

/** Integers at and just past every edge: the column's, JavaScript's and not-an-integer. */
export const boundaryNumber = fc.constantFrom(
  -1,
  0,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1.5,
  1e308,
);

export const wrongType = fc.constantFrom<unknown>(null, true, 0, "text", [], {}, [null], {
  $ne: 1,
});

const badUuid = fc.oneof(
  fc.constantFrom(
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
  ),
  fc.uuid(),
);

const badDate = fc.constantFrom(
  "1800-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "2026-01-01T25:00:00Z",
  "2026-01-01T10:00:00",
  "+275760-09-13T00:00:00Z",
  "yesterday",
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A value that breaks the schema, chosen for its type and format. */
export function hostileFor(doc: OpenApiDocument, raw: JsonSchema): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const types = typesOf(schema);
  if (schema.enum) return fc.oneof(fc.constant("not_in_the_list"), hostileText, wrongType);
  if (types.includes("integer") || types.includes("number")) {
    const edges = [schema.minimum, schema.maximum]
      .filter((n): n is number => n !== undefined)
      .flatMap((n) => [n - 1, n + 1]);
    return fc.oneof(boundaryNumber, fc.constantFrom(...edges, "1"), wrongType);
  }
  if (types.includes("string")) {
    if (schema.format === "uuid") return fc.oneof(badUuid, hostileText, wrongType);
    if (schema.format === "date" || schema.format === "date-time")
      return fc.oneof(badDate, hostileText, wrongType);
    const tooLong = "y".repeat((schema.maxLength ?? 10_000) + 1);
    return fc.oneof(hostileText, fc.constant(tooLong), wrongType);
  }
  if (types.includes("array")) {
    const item = schema.items ? hostileFor(doc, schema.items) : wrongType;
    const tooMany = fc.constant(Array.from({ length: (schema.maxItems ?? 200) + 1 }, () => "x"));
    return fc.oneof(fc.array(item, { minLength: 1, maxLength: 3 }), tooMany, wrongType);
  }
  return wrongType;
}

/** Raw path segments: malformed, unknown, encoded NUL and traversal, very long. */
export const hostileSegment = fc.oneof(
  fc.constantFrom(
    "not-a-uuid",
    "%00",
    "%ZZ",
    "..",
    "%2e%2e",
    encodeURIComponent("a\u0000b"),
    "00000000-0000-0000-0000-000000000000",
    "z".repeat(3000),
  ),
  fc.uuid(),
);

/** One sure-to-break value per field, tried before the random ones so every field is hit. */
export function edgeFor(doc: OpenApiDocument, raw: JsonSchema): unknown {
  const schema = resolveSchema(doc, raw);
  const types = typesOf(schema);
  if (schema.enum) return "not_in_the_list";
  if (types.includes("integer") || types.includes("number")) return 2_147_483_648;
  if (types.includes("string")) {
    if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
    if (schema.format === "date" || schema.format === "date-time") return "1800-01-01";
    return "Robin\u0000Smith";
  }
  if (types.includes("array")) return [null];
  return "not an object";
}
