import { Type, type Static } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IstatCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'Codice ISTAT del comune (6 cifre)',
});
export const IsoDate = Type.String({ format: 'date' });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const IdParams = Type.Object({ id: Uuid });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

/**
 * Free text the server trims (`x-trim`, an ajv keyword of the server's validator) before checking
 * its length: "  Via Roma 1 " is stored as "Via Roma 1".
 */
export function Trimmed(options: { maxLength: number; pattern?: string; description?: string }) {
  return Type.String({ 'x-trim': true, ...options });
}

/**
 * Required text: trimmed, then at least `minLength` (default 1) characters, so "   " is refused
 * as missing instead of being stored as "". For names, reasons, addresses.
 */
export function NonBlank(options: {
  maxLength: number;
  minLength?: number;
  pattern?: string;
  description?: string;
}) {
  return Type.String({ 'x-trim': true, ...options, minLength: Math.max(1, options.minLength ?? 1) });
}
