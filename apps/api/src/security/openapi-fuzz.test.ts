/**
 * Fuzz suite driven by the OpenAPI document the real API serves.
 *
 * Tool: fast-check, with arbitraries derived from each operation's JSON
 * schemas (openapi-arbitraries.ts). It is already in the workspace (apps/realtime),
 * so no new dependency; it bounds a run by count (numRuns), is reproducible from
 * its seed, and shrinks a failure to the smallest request that breaks the rule.
 * Schema samplers (json-schema-faker, openapi-sampler) make *valid* instances,
 * but a valid request here needs real ids of one family, which no sampler can
 * invent; so each operation starts from the security suite's valid request (real
 * ids, signed in as someone allowed, usually the lead professional) and the
 * schema decides how to break it: boundary integers, control characters, long
 * strings, wrong types, missing and extra fields, bad path ids, hostile query
 * strings.
 *
 * For every request: no 5xx; every 4xx carries the JSON error shape; and a
 * refused request changed nothing (a fingerprint of every table, db-fingerprint.ts).
 */
import { errorCodes } from "@teamaround/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";
import { databaseFingerprint } from "./db-fingerprint";
import {
  bodyProperties,
  edgeFor,
  hostileFor,
  hostileSegment,
  hostileText,
  type OpenApiDocument,
  type OpenApiOperation,
  percentEncode,
  wrongType,
} from "./openapi-arbitraries";
import { cookieFor, type Persona, personas } from "./personas";
import { type RouteCase, routeCases } from "./route-expectations";
import { buildSecurityWorld } from "./security-world";

/** Random requests per operation, after the edge examples (which always run). */
const runsPerOperation = 6;

let api: TestApi;
let doc: OpenApiDocument;
beforeAll(async () => {
  // The fingerprint covers every table: other files must not write beside it.
  api = await startTestApi({ isolatedDatabase: true });
  doc = (await (await api.app.request("/api/openapi.json")).json()) as OpenApiDocument;
});
afterAll(() => api.close());

type Mutation =
  | { kind: "valid" }
  | { kind: "set"; key: string; value: unknown }
  | { kind: "remove"; key: string }
  | { kind: "extra"; value: unknown }
  | { kind: "body"; value: unknown }
  | { kind: "segment"; index: number; value: string }
  | { kind: "query"; name: string; value: string };

function mutations(operation: OpenApiOperation, template: string): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [fc.constant({ kind: "valid" })];
  const schema = operation.requestBody?.content?.["application/json"]?.schema;
  if (schema) {
    const properties = Object.entries(bodyProperties(doc, schema));
    for (const [key, property] of properties) {
      options.push(hostileFor(doc, property).map((value) => ({ kind: "set", key, value })));
      options.push(fc.constant({ kind: "remove", key }));
    }
    options.push(fc.oneof(hostileText, wrongType).map((value) => ({ kind: "extra", value })));
    options.push(
      fc
        .oneof(wrongType, fc.constantFrom("[]", "", "null", "x".repeat(10)))
        .map((value) => ({ kind: "body", value })),
    );
  }
  template.split("/").forEach((segment, index) => {
    if (segment.startsWith("{"))
      options.push(hostileSegment.map((value) => ({ kind: "segment", index, value })));
  });
  for (const param of operation.parameters ?? []) {
    if (param.in !== "query") continue;
    const value = fc.oneof(
      hostileText.map((text) => percentEncode(text)),
      fc.constantFrom("%00", "%ZZ", "a&a=b", "%F0%28"),
    );
    options.push(value.map((v) => ({ kind: "query", name: param.name, value: v })));
  }
  return fc.oneof(...options);
}

/** The edge of every field, path segment and query parameter, tried first. */
function edgeExamples(operation: OpenApiOperation, template: string): [Mutation][] {
  const examples: Mutation[] = [{ kind: "valid" }, { kind: "body", value: [] }];
  const schema = operation.requestBody?.content?.["application/json"]?.schema;
  if (schema) {
    for (const [key, property] of Object.entries(bodyProperties(doc, schema))) {
      examples.push({ kind: "set", key, value: edgeFor(doc, property) });
    }
    examples.push({ kind: "extra", value: "Robin" });
  }
  template.split("/").forEach((segment, index) => {
    if (segment.startsWith("{")) examples.push({ kind: "segment", index, value: "%00" });
  });
  for (const param of operation.parameters ?? []) {
    if (param.in === "query") examples.push({ kind: "query", name: param.name, value: "a%00b" });
  }
  return examples.map((m) => [m]);
}

function apply(mutation: Mutation, valid: { path: string; body?: unknown }) {
  const [pathname = "", query = ""] = valid.path.split("?");
  const body =
    typeof valid.body === "object" && valid.body !== null
      ? { ...(valid.body as Record<string, unknown>) }
      : valid.body;
  const record = (body ?? {}) as Record<string, unknown>;
  switch (mutation.kind) {
    case "valid":
      return valid;
    case "set":
      return { path: valid.path, body: { ...record, [mutation.key]: mutation.value } };
    case "remove": {
      const { [mutation.key]: _removed, ...rest } = record;
      return { path: valid.path, body: rest };
    }
    case "extra":
      return { path: valid.path, body: { ...record, unexpectedField: mutation.value } };
    case "body":
      return { path: valid.path, body: mutation.value };
    case "segment": {
      const segments = pathname.split("/");
      segments[mutation.index] = mutation.value;
      return { path: `${segments.join("/")}${query ? `?${query}` : ""}`, body };
    }
    case "query": {
      const separator = query ? "&" : "";
      return { path: `${pathname}?${query}${separator}${mutation.name}=${mutation.value}`, body };
    }
  }
}

/** Who may make the valid request: the lead professional where they may, else anyone who may. */
function personaFor(routeCase: RouteCase | undefined): Persona {
  if (!routeCase) return "anonymous";
  const allowed = (p: Persona) => routeCase.expect[p] >= 200 && routeCase.expect[p] < 300;
  if (allowed("leadProfessional")) return "leadProfessional";
  return personas.find(allowed) ?? "leadProfessional";
}

const methods = ["get", "post", "patch", "put", "delete"] as const;
const operationKeys = Object.keys(routeCases).sort();

describe("OpenAPI fuzz", () => {
  it("every operation in the document has a valid request to start from", () => {
    const keys = Object.entries(doc.paths).flatMap(([path, item]) =>
      methods.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key) => !(key in routeCases))).toEqual([]);
  });

  it.each(operationKeys)(
    "%s: no 5xx; refusals have the error shape and change nothing",
    async (key) => {
      const [method = "", template = ""] = key.split(" ");
      const operation = doc.paths[template]?.[method.toLowerCase() as (typeof methods)[number]];
      expect(operation, `${key} is not in the OpenAPI document`).toBeDefined();
      if (operation) await fuzzOperation(key, template, operation);
    },
  );
});

async function fuzzOperation(key: string, template: string, operation: OpenApiOperation) {
  const routeCase = routeCases[key];
  const world = await buildSecurityWorld(api.deps.db);
  await routeCase?.prepare?.(api, world);
  const persona = personaFor(routeCase);
  const cookie = await cookieFor(api, world, persona);
  const valid = routeCase ? routeCase.request(world) : { path: template };
  const method = key.split(" ")[0] ?? "GET";
  let last = await databaseFingerprint(api.deps.db);

  await fc.assert(
    fc.asyncProperty(mutations(operation, template), async (mutation) => {
      const request = apply(mutation, valid);
      const res = await call(api, method, request.path, { cookie, body: request.body });
      const now = await databaseFingerprint(api.deps.db);
      const before = last;
      last = now;
      const label = `${key} as ${persona}: ${JSON.stringify(mutation).slice(0, 300)}`;
      expect(res.status, label).toBeLessThan(500);
      if (res.status >= 400) {
        expect(errorCodes, label).toContain(res.json?.error?.code);
        expect(res.json?.error?.message, label).toBeTypeOf("string");
        expect(now, `${label} changed the database`).toEqual(before);
      }
    }),
    {
      numRuns: runsPerOperation,
      examples: edgeExamples(operation, template),
      endOnFailure: true,
    },
  );
}
