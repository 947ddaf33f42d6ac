import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { FIELD_FORMATS, FIELD_LABELS } from './field-labels.js';

/*
 * Schema-validation issues in words a person reads, one per field, in Italian and English: the
 * server's 400 and the browser's own check of a form, against the same shared schemas, say the
 * same thing. Issues come from ajv on the server and from TypeBox's `Value.Errors` in the
 * browser: both follow ajv's shape (keyword, instancePath, params).
 */

export type Locale = 'it' | 'en';

export interface SchemaIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface DescribedIssue {
  /** Dotted path of the field: `phone`, `lines.0.quantity`. */
  field: string;
  /** With the field's name, for a banner: "Il campo «nome» è obbligatorio." */
  message: string;
  /** Without it, next to the field: "È obbligatorio." */
  short: string;
  /** The rule and its parameters, for a client that says the same in another language. */
  rule: string;
  params: Record<string, unknown>;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The phrase after "Il campo «…»" / "The field «…»", per rule. */
function phrase(rule: string, params: Record<string, unknown>, field: string, locale: Locale): string {
  const n = Number(params.limit);
  const hint = FIELD_FORMATS[field]?.[locale];
  const it: Record<string, () => string> = {
    required: () => 'è obbligatorio',
    additionalProperties: () => 'non è previsto',
    minLength: () =>
      n === 1 ? 'è obbligatorio' : `deve avere almeno ${n} ${plural(n, 'carattere', 'caratteri')}`,
    maxLength: () => `può avere al massimo ${n} ${plural(n, 'carattere', 'caratteri')}`,
    minimum: () => `deve essere almeno ${n}`,
    maximum: () => `può essere al massimo ${n}`,
    format: () => (hint ? `non è valido: ${hint}` : formatPhrase(params.format, 'it')),
    pattern: () => (hint ? `non è valido: ${hint}` : 'non ha un formato valido'),
    type: () => 'ha un tipo di valore non valido',
    enum: () => 'non è tra i valori ammessi',
    minItems: () => (n === 1 ? 'è obbligatorio' : `deve contenere almeno ${n} elementi`),
    maxItems: () => `può contenere al massimo ${n} elementi`,
    minProperties: () => 'non contiene modifiche',
  };
  const en: Record<string, () => string> = {
    required: () => 'is required',
    additionalProperties: () => 'is not expected',
    minLength: () =>
      n === 1 ? 'is required' : `must have at least ${n} ${plural(n, 'character', 'characters')}`,
    maxLength: () => `can have at most ${n} ${plural(n, 'character', 'characters')}`,
    minimum: () => `must be at least ${n}`,
    maximum: () => `can be at most ${n}`,
    format: () => (hint ? `is not valid: ${hint}` : formatPhrase(params.format, 'en')),
    pattern: () => (hint ? `is not valid: ${hint}` : 'does not have a valid format'),
    type: () => 'has a value of the wrong type',
    enum: () => 'is not one of the allowed values',
    minItems: () => (n === 1 ? 'is required' : `must contain at least ${n} items`),
    maxItems: () => `can contain at most ${n} items`,
    minProperties: () => 'contains no changes',
  };
  const table = locale === 'en' ? en : it;
  return (table[rule] ?? (() => (locale === 'en' ? 'is not valid' : 'non è valido')))();
}

function formatPhrase(format: unknown, locale: Locale): string {
  const it: Record<string, string> = {
    date: 'non è una data valida (giorno, mese e anno)',
    email: 'non è un indirizzo email valido (per esempio nome@esempio.it)',
    uuid: 'non indica un elemento esistente',
  };
  const en: Record<string, string> = {
    date: 'is not a valid date (day, month and year)',
    email: 'is not a valid email address (e.g. name@example.com)',
    uuid: 'does not name an existing item',
  };
  const table = locale === 'en' ? en : it;
  return (
    table[String(format)] ?? (locale === 'en' ? 'does not have a valid format' : 'non ha un formato valido')
  );
}

/** `/lines/0/quantity` → `lines.0.quantity`; a missing property is the issue of that property. */
function expand(issue: SchemaIssue): { field: string; rule: string; params: Record<string, unknown> }[] {
  const base = issue.instancePath.split('/').filter(Boolean);
  const p = issue.params;
  const named = (key: unknown) => ({
    field: [...base, String(key)].join('.'),
    rule: issue.keyword,
    params: p,
  });
  if (issue.keyword === 'required') {
    // ajv names one missing property, TypeBox all of them.
    const missing = Array.isArray(p.requiredProperties) ? p.requiredProperties : [p.missingProperty];
    return missing.map(named);
  }
  if (issue.keyword === 'additionalProperties') {
    const extra = Array.isArray(p.additionalProperties) ? p.additionalProperties : [p.additionalProperty];
    return extra.map(named);
  }
  return [{ field: base.join('.'), rule: issue.keyword, params: p }];
}

// What a union (a nullable text, a choice among constants) adds besides the real reason.
const isUnionNoise = (rule: string, params: Record<string, unknown>) =>
  rule === 'anyOf' || rule === 'const' || rule === 'boolean' || (rule === 'type' && params.type === 'null');

/**
 * One sentence per field, the first real reason: a bad phone is "not valid, digits, spaces…"
 * once, not also "must be null" and "must match a schema in anyOf".
 */
export function describeIssues(issues: SchemaIssue[], locale: Locale = 'it'): DescribedIssue[] {
  const byField = new Map<string, { rule: string; params: Record<string, unknown> }[]>();
  for (const issue of issues)
    for (const one of expand(issue)) byField.set(one.field, [...(byField.get(one.field) ?? []), one]);
  const described: DescribedIssue[] = [];
  for (const [field, found] of byField) {
    const real = found.find((f) => !isUnionNoise(f.rule, f.params));
    const { rule, params } = real ?? { rule: 'enum', params: {} };
    const key =
      field
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .at(-1) ?? '';
    const text = phrase(rule, params, key, locale);
    const name = FIELD_LABELS[key] ?? key;
    const lead = locale === 'en' ? 'The field' : 'Il campo';
    const whole = locale === 'en' ? 'The request' : 'La richiesta';
    described.push({
      field,
      message: name ? `${lead} «${name}» ${text}.` : `${whole} ${text}.`,
      short: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
      rule,
      params,
    });
  }
  return described;
}

/** Field → what is wrong with it, checked in the browser against the server's own schema. */
export function validateAgainst(schema: TSchema, value: unknown, locale: Locale): Record<string, string> {
  const issues = Value.Errors(schema, value) as unknown as SchemaIssue[];
  return Object.fromEntries(describeIssues(issues, locale).map((i) => [i.field, i.short]));
}

/** The `maxLength` a schema's property declares, for the browser's input to match the server. */
export function maxLengthOf(schema: TSchema, property: string): number | undefined {
  const found = (schema as { properties?: Record<string, unknown> }).properties?.[property];
  const search = (s: unknown): number | undefined => {
    if (!s || typeof s !== 'object') return undefined;
    const node = s as { maxLength?: unknown; anyOf?: unknown[] };
    if (typeof node.maxLength === 'number') return node.maxLength;
    return node.anyOf?.map(search).find((n) => n !== undefined);
  };
  return search(found);
}
