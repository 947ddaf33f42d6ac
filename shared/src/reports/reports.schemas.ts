import { Type, type Static } from 'typebox';

/** A territory the open data is published for: the province or one Ambito. */
export const OpenDataTerritory = Type.String({
  pattern: '^[a-z0-9-]{3,60}$',
  description: 'provincia-di-cremona, ambito-cremonese, ambito-cremasco, ambito-casalasco',
});

export const OpenDataParams = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  territory: OpenDataTerritory,
});
export type OpenDataParams = Static<typeof OpenDataParams>;

export const OpenDataFileParams = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  territory: OpenDataTerritory,
  dataset: Type.String({ pattern: '^[a-z0-9-]{3,60}$' }),
});
export type OpenDataFileParams = Static<typeof OpenDataFileParams>;

/** One column of a dataset's CSV: the data dictionary. */
export const DatasetColumn = Type.Object({
  name: Type.String(),
  type: Type.Union([Type.Literal('string'), Type.Literal('integer')]),
  description: Type.String(),
});

/** A published dataset, described in the manner of DCAT-AP_IT. */
export const OpenDataset = Type.Object({
  identifier: Type.String(),
  title: Type.String(),
  description: Type.String(),
  year: Type.Integer(),
  territory: Type.String(),
  territoryName: Type.String(),
  version: Type.Integer(),
  publisher: Type.String(),
  license: Type.Object({ name: Type.String(), url: Type.String() }),
  temporal: Type.Object({ startDate: Type.String(), endDate: Type.String() }),
  accrualPeriodicity: Type.String(),
  issued: Type.String(),
  keywords: Type.Array(Type.String()),
  columns: Type.Array(DatasetColumn),
  distributions: Type.Array(
    Type.Object({ format: Type.String(), mediaType: Type.String(), downloadURL: Type.String() }),
  ),
});
export type OpenDataset = Static<typeof OpenDataset>;

export const OpenDataCatalog = Type.Object({
  title: Type.String(),
  description: Type.String(),
  publisher: Type.String(),
  license: Type.Object({ name: Type.String(), url: Type.String() }),
  /** How suppressed cells appear in the CSV files. */
  suppressedMarker: Type.String(),
  datasets: Type.Array(OpenDataset),
});
export type OpenDataCatalog = Static<typeof OpenDataCatalog>;

/** A request to publish a year's open data: queued, then done (with its version) or failed. */
export const OpenDataPublication = Type.Object({
  id: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  territory: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('done'), Type.Literal('failed')]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type OpenDataPublication = Static<typeof OpenDataPublication>;

export const PublicationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
