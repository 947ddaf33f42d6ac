/*
 * The SINA block of the national SIUSS flow (INPS schema PS_PSA_SINA201812.xsd, reference-data/siuss):
 * the disability and non-self-sufficiency assessment that a comune sends with a social benefit.
 * Codes and Italian labels exactly as the schema's enumerations; a test checks them against the XSD.
 */

export interface SinaCode {
  code: string;
  label: string;
}

export interface SinaAttribute {
  /** The attribute's name in the XSD. */
  name: string;
  required: boolean;
  codes: readonly SinaCode[];
}

const codes = (...labels: string[]): SinaCode[] => labels.map((label, i) => ({ code: String(i + 1), label }));

export const SINA_ATTRIBUTES = {
  Mobilita: {
    name: 'Mobilita',
    required: true,
    codes: codes('Si sposta da solo', 'Si Sposta Assistito', 'Non Si Sposta'),
  },
  AttivitaVitaQuotidiana: {
    name: 'AttivitaVitaQuotidiana',
    required: true,
    codes: codes('Autonomo', 'Parzialmente dipendente', 'Totalmente dipendente'),
  },
  DisturbiAreaCognitiva: {
    name: 'DisturbiAreaCognitiva',
    required: false,
    codes: codes('Lievi', 'Moderati', 'Gravi'),
  },
  DisturbiComportamentali: {
    name: 'DisturbiComportamentali',
    required: true,
    codes: codes('Assenti', 'Presenti'),
  },
  NecessitaCureSanitarie: {
    name: 'NecessitaCureSanitarie',
    required: false,
    codes: codes('Bassa', 'Media', 'Alta'),
  },
  AreaReddituale: {
    name: 'AreaReddituale',
    required: true,
    codes: codes(
      'Autonomo e in equilibrio finanziario',
      'Riceve aiuto da parenti e/o da altre persone',
      'In condizione di bisogno economico e senza aiuti da  parenti o altre persone',
    ),
  },
  AreaSupporto: {
    name: 'AreaSupporto',
    required: true,
    codes: codes(
      'Presenza della rete familiare o informale',
      'Presenza parziale e/o temporanea della rete familiare o informale',
      'Assenza della rete familiare o informale',
    ),
  },
  FonteDerivazioneValutazione: {
    name: 'FonteDerivazioneValutazione',
    required: true,
    codes: codes('UVM', 'Cartella sociale', 'Altra documentazione', 'Raccolta diretta'),
  },
  StrumentoValutazione: {
    name: 'StrumentoValutazione',
    required: true,
    codes: codes('SVAMA', 'AGED', 'RUG', 'SOSIA', 'SCHEMA POLARE', 'VALGRAF', 'Altro Sistema Di Codifica'),
  },
  FonteDerivazioneInvalidita: {
    name: 'FonteDerivazioneInvalidita',
    required: false,
    codes: codes("Certificazione invalidita' verificata on line o cartacea", 'Dichiarazione della persona'),
  },
} as const satisfies Record<string, SinaAttribute>;

export type SinaField = keyof typeof SINA_ATTRIBUTES;
export const SINA_FIELDS = Object.keys(SINA_ATTRIBUTES) as SinaField[];

/** The SINA attributes of one assessment, as codes ('1', '2', …); optional ones may be absent. */
export type SinaRecord = Partial<Record<SinaField, string>>;

/** The SINA attributes that are missing or carry a code the schema does not know. */
export function sinaProblems(record: SinaRecord): { field: SinaField; problem: 'missing' | 'invalid' }[] {
  const problems: { field: SinaField; problem: 'missing' | 'invalid' }[] = [];
  for (const field of SINA_FIELDS) {
    const attribute: SinaAttribute = SINA_ATTRIBUTES[field];
    const value = record[field];
    if (value === undefined || value === '') {
      if (attribute.required) problems.push({ field, problem: 'missing' });
    } else if (!attribute.codes.some((c) => c.code === value)) problems.push({ field, problem: 'invalid' });
  }
  return problems;
}
