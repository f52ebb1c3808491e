/**
 * The OpenAPI 3.1 description served at /api/openapi.json, checked against the OpenAPI 3.1 schema
 * by a maintained validator (@seriousme/openapi-schema-validator) rather than by recomputing what
 * the generator computes. Beside it, what the schema cannot know: that the document covers the
 * manifest, and that the parameters it lists are the ones the adapter reads.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi';
import { routeKey, routes } from '../../functions/routes';

// As served: the handler sends the generated object through JSON.
const served = () => JSON.parse(JSON.stringify(openApiDocument())) as Record<string, any>;

async function validate(doc: Record<string, unknown>) {
  const validator = new Validator();
  const result = await validator.validate(doc);
  return { ...result, version: validator.version };
}

describe('/api/openapi.json', () => {
  it('should be a valid OpenAPI 3.1 document', async () => {
    const result = await validate(served());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(result.version).toBe('3.1');
  });

  it('should be refused by the validator when broken (so the check above can fail)', async () => {
    const doc = served();
    const [path, byMethod] = Object.entries(doc.paths as Record<string, Record<string, any>>).find(([p]) => p.includes('{'))!;
    const op = Object.values(byMethod)[0];
    op.parameters[0].in = 'body'; // a Swagger 2 habit that 3.1 does not have
    const result = await validate(doc);
    expect(path).toContain('{');
    expect(result.valid).toBe(false);
  });

  it('should have exactly one operation per manifest route', () => {
    const doc = served();
    const keys = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, byMethod]) =>
      Object.keys(byMethod).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it('should list every path parameter and every query parameter of the manifest', () => {
    const doc = served();
    const missing: string[] = [];
    for (const r of routes) {
      const declared = new Set<string>(((doc.paths[r.path][r.method.toLowerCase()].parameters ?? []) as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`));
      const wanted = [...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => `path:${m[1]}`), ...Object.keys(r.query?.shape ?? {}).map((n) => `query:${n}`)];
      for (const w of wanted) if (!declared.has(w)) missing.push(`${routeKey(r)} ${w}`);
    }
    expect(missing).toEqual([]);
  });

  it('should declare the query parameters the API reads (version, from, to, subject, group, half, classId, subjectId, studentId, after, q)', () => {
    const doc = served();
    const names = new Set(
      Object.values(doc.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>)
        .flatMap((byMethod) => Object.values(byMethod))
        .flatMap((op) => op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name),
    );
    // The list; later routes add their own (the test above holds every one to the manifest).
    expect([...names]).toEqual(expect.arrayContaining(['after', 'classId', 'from', 'group', 'half', 'q', 'studentId', 'subject', 'subjectId', 'to', 'version']));
  });
});
