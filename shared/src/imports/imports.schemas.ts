import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The two kinds of file an import reads, with the content type the upload carries. */
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const ImportAccepted = Type.Object({ importId: Uuid });
export type ImportAccepted = Static<typeof ImportAccepted>;

export const ImportReportQuery = Type.Object({
  rows: Type.Optional(
    Type.Enum(['all', 'rejected', 'none'], {
      default: 'all',
      description: 'Quali righe del resoconto restituire',
    }),
  ),
});

/** What every import reports while it runs and once done; a module adds the ids of what a row created. */
export const ImportProgressFields = {
  id: Uuid,
  status: Type.Enum(['running', 'done', 'failed']),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  rejected: Type.Integer(),
  failure: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
};

export const ImportRowFields = {
  row: Type.Integer({ description: 'Numero di riga nel file (l’intestazione è la riga 1)' }),
  status: Type.Enum(['created', 'rejected']),
  reason: Nullable(Type.String()),
};
