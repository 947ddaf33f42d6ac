/*
 * The smallest input an OpenAPI schema accepts: required properties only, first enum value, lower
 * bounds. The denial sweep sends it so a refusal (403, 404) is not hidden behind a 400 for an empty
 * body; an operation whose rules need more says so in its sweep entry.
 */

export type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

export const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

// Values for the patterns the schemas use, keyed by the pattern itself.
const PATTERN_SAMPLES: Record<string, string> = {
  '^[0-9]{6}$': '019036',
  '^[0-9]{11}$|^[A-Z0-9]{16}$': '01234567890',
  '^[+0-9 ./()-]*$': '0372 123456',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': '09:00',
  '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$': '18:00',
  '^[0-9]{2}:[0-9]{2}$': '09:00',
  '^[a-z0-9_]{3,40}$': 'prova_sweep',
  '^[a-z0-9-]{3,60}$': 'prova-sweep',
  '^[A-Za-z0-9/ .-]+$': 'PROVA-1',
  '^[0-9]{4}-(0[1-9]|1[0-2])$': '2026-01',
  '^[a-z_]+:[a-z0-9_]+$': 'programme:rent_fund',
};

function sampleString(schema: JsonSchema): string {
  if (schema.pattern) {
    const sample = PATTERN_SAMPLES[schema.pattern];
    if (sample !== undefined) return sample;
    if (schema.pattern.includes('none|')) return 'none';
  }
  switch (schema.format) {
    case 'uuid':
      return SAMPLE_UUID;
    case 'date':
      return '2026-12-01';
    case 'date-time':
      return '2026-12-01T09:00:00.000Z';
    case 'email':
      return 'prova@example.it';
    default:
      return 'prova'.padEnd(schema.minLength ?? 1, 'x');
  }
}

/** A value the schema accepts, made of its required parts only. */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return sampleOf(choices.find((c) => c.type !== 'null') ?? choices[0]);
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part) as Record<string, unknown>));
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sampleOf(schema.properties?.[name])]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    default:
      return {};
  }
}
