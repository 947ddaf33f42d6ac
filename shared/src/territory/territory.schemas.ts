import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IstatCode, Uuid } from '../common/common.schemas.js';

export const SubAmbito = Type.Object({ id: Uuid, ambitoId: Type.String(), name: Type.String() });
export type SubAmbito = Static<typeof SubAmbito>;

export const Ambito = Type.Object({
  id: Type.String(),
  name: Type.String(),
  leadComuneName: Type.Union([Type.String(), Type.Null()]),
  comuniCount: Type.Integer(),
  population: Type.Integer(),
  subAmbiti: Type.Array(SubAmbito),
});
export type Ambito = Static<typeof Ambito>;

export const Comune = Type.Object({
  istatCode: IstatCode,
  name: Type.String(),
  cadastralCode: Type.String(),
  provinceCode: Type.String(),
  population: Type.Integer(),
  ambitoId: Type.String(),
  subAmbitoId: Type.Union([Uuid, Type.Null()]),
  latitude: Type.Number(),
  longitude: Type.Number(),
  areaKm2: Type.Union([Type.Number(), Type.Null()]),
  postalCodes: Type.Array(Type.String()),
  /** Residents aged 65 and over (ISTAT, by age), null until imported. */
  populationOver65: Type.Union([Type.Integer(), Type.Null()]),
  /** The reference date of populationOver65 (ISTAT counts residents on 1 January). */
  populationByAgeOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});
export type Comune = Static<typeof Comune>;

export const ComuniQuery = Type.Object({
  ambito: Type.Optional(Trimmed({ maxLength: 40 })),
  q: Type.Optional(Trimmed({ maxLength: 80 })),
});

export const ReassignComuneBody = Type.Object(
  {
    ambitoId: Type.Optional(NonBlank({ maxLength: 40 })),
    subAmbitoId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReassignComuneBody = Static<typeof ReassignComuneBody>;

export const CreateSubAmbitoBody = Type.Object(
  {
    ambitoId: NonBlank({ maxLength: 40 }),
    name: NonBlank({ minLength: 2, maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type CreateSubAmbitoBody = Static<typeof CreateSubAmbitoBody>;

/** The street base map the web app draws under its maps; null without MAP_TILES_URL. */
export const MapSettings = Type.Object({
  tilesUrl: Type.Union([Type.String(), Type.Null()]),
  attribution: Type.Union([Type.String(), Type.Null()]),
});
export type MapSettings = Static<typeof MapSettings>;
