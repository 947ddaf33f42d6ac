/*
 * The minor's assessment a social worker records in the case file for INPS's SINBA flow
 * (children, adolescents and families; schema SINBA.xsd, reference-data/siuss): the minor's
 * condition, the family's, how the case was reported, the court's measures and the care
 * arrangement (foster care, residential placement). Codes and Italian labels exactly as the
 * schema's enumerations (double spaces included); a test checks them against the XSD. What the registry already holds
 * (year of birth, age band, residence) and the benefit's code are not asked again.
 */

export interface SinbaAttribute {
  /** The attribute's name in the XSD. */
  name: string;
  label: string;
  required: boolean;
  /** Coded attributes: the enumeration's labels, code = position + 1. */
  codes?: readonly string[];
  /** Free attributes: the XSD's pattern. */
  pattern?: RegExp;
}

const coded = (name: string, label: string, required: boolean, codes: string[]): SinbaAttribute => ({
  name,
  label,
  required,
  codes,
});
const YES_NO = ['SI', 'NO'];
const MONTH_YEAR = /^(0[1-9]|1[0-2])\/(19|20)[0-9]{2}$/;
const month = (name: string, label: string, required: boolean): SinbaAttribute => ({
  name,
  label,
  required,
  pattern: MONTH_YEAR,
});

const TITOLO_STUDIO = [
  'nessun titolo',
  'licenza elementare',
  'licenza media',
  'qualifica professionale',
  'diploma scuola superiore',
  'laurea o diploma di laurea',
];
const OCCUPAZIONE = [
  'occupato',
  'disoccupato alla ricerca di nuova occupazione',
  'in cerca di prima occupazione',
  'casalinga/o',
  'studente',
  'ritirato/a dal lavoro',
  'inabile al lavoro',
  'in altra condizione',
];
const ESITO_USCITA = [
  'rientrato nella famiglia di origine',
  'affidata ad altro nucleo familiare',
  'adottato',
  'inserito in struttura socio-educativa',
  'inserito in struttura sanitaria',
  'vita in autonomia',
  'rimpatriato',
  'destinazione ignota',
  'altro',
];

/** In the XSD's order of attributes. */
export const SINBA_ATTRIBUTES: readonly SinbaAttribute[] = [
  coded('MinoreStranieroNoAcc', 'Minore straniero non accompagnato', true, YES_NO),
  coded('CondizioneMinore', 'Condizione del minore', true, [
    'Non orfano',
    'Orfano di entrambi',
    'Orfano di padre',
    'Orfano di madre',
    'Genitori ignoti',
  ]),
  coded('LuogoVita', 'Luogo di vita', true, [
    'nella sua famiglia',
    'presso parenti',
    'in famiglia affidataria',
    'in struttura residenziale sociale',
    'in struttura residenziale sanitaria',
    'in istituto penale minorile',
    'con amici e conoscenti',
    'senza dimora',
  ]),
  coded('ScuolaFrequentata', 'Scuola frequentata', true, [
    'nessuna scuola',
    'struttura',
    'asilo nido',
    "scuola dell'infanzia",
    'scuola primaria',
    'scuola secondaria I grado',
    'scuola secondaria II grado',
    'corso formazione professionale',
  ]),
  coded('CondizioneLavoro', 'Condizione lavorativa del minore', true, [
    'inattivo (non in età da lavoro, non ha e non cerca lavoro)',
    'occupato',
    'disoccupato alla ricerca di nuova occupazione',
    'in cerca di prima  occupazione',
  ]),
  coded('Disabilita', 'Disabilità', true, YES_NO),
  coded('TipoDisabilita', 'Tipo di disabilità', false, ['Fisica', 'Psichica', 'Sensoriale', 'Plurima']),
  coded('InvCivCertificazioni', 'Certificazioni di invalidità', false, [
    'certificazione invalidità civile parziale non inferiore al 75%',
    'certificazione invalidità civile totale (100%) con indennità di accompagnamento',
    'certificazione invalidità civile totale (100%) senza indennità di accompagnamento',
    'certificazione NPI',
    'certificazione l.104',
  ]),
  {
    name: 'CodiceCittadinanzaPadre',
    label: 'Cittadinanza del padre (codice ISO 3166 numerico)',
    required: false,
    pattern: /^[0-9]{3}$/,
  },
  {
    name: 'CodiceCittadinanzaMadre',
    label: 'Cittadinanza della madre (codice ISO 3166 numerico)',
    required: false,
    pattern: /^[0-9]{3}$/,
  },
  {
    name: 'CodiceRegioneResidenzaPadre',
    label: 'Regione di residenza del padre (codice ISTAT)',
    required: false,
    pattern: /^[0-9]{2}$/,
  },
  {
    name: 'CodiceRegioneResidenzaMadre',
    label: 'Regione di residenza della madre (codice ISTAT)',
    required: false,
    pattern: /^[0-9]{2}$/,
  },
  coded('TitoloStudioPadre', 'Titolo di studio del padre', false, TITOLO_STUDIO),
  coded('TitoloStudioMadre', 'Titolo di studio della madre', false, TITOLO_STUDIO),
  coded('OccupazionePadre', 'Occupazione del padre', false, OCCUPAZIONE),
  coded('OccupazioneMadre', 'Occupazione della madre', false, OCCUPAZIONE),
  month('DataPrimaSegnalazione', 'Data della prima segnalazione (MM/AAAA)', true),
  coded('FonteSegnalazione', 'Fonte della segnalazione', true, [
    'servizio sociale minori della giustizia minorile',
    'altro servizio sociale (consultori, centri famiglia, di altro  ambito/distretto, ..)',
    'servizi sanitari/medico di base/pediatra',
    'privato sociale/volontariato',
    "forze dell'ordine",
    'beneficiario stesso',
    'genitori affidatari/tutore',
    'genitori/fratelli/altri familiari conviventi',
    'parenti non conviventi',
    'tribunale ordinario',
    'autorità giudiziarie minorili',
    'professionista privato',
    'scuola',
    'vicinato o conoscenti',
  ]),
  coded('ValutazioneMinore', 'Valutazione del minore', true, [
    'nessuna specifica problematica',
    'problemi relazionali e comportamentali',
    'dipendenze',
    'presunto stato di abbandono',
    'problemi sanitari',
    'violenza sessuale subita, prostituzione, tratta, pedopornografia',
    'altre forme di violenza e maltrattamento subite',
    'comportamenti di grave devianza',
    'problemi di autonomia, disabilità',
    'coinvolto in procedure penali',
    'gestante/madre minorenne',
    'minore straniero non accompagnato',
    'abbandono scolastico',
  ]),
  coded('ValutazioneFamigliaMinore', 'Valutazione della famiglia del minore', true, [
    'nessuna specifica',
    'problematica fragilità/inadeguatezza genitoriale, problematiche socio-educative e relazionali',
    'dipendenza',
    'problematiche psichiatriche',
    'altre problematiche sanitarie',
    'grave conflittualità familiare',
    'famiglia maltrattante',
    'famiglia abusante',
    'problemi giudiziari',
    'fallimento affido preadottivo nel I anno',
    'inadempienza obblighi sanitari',
    'difficoltà economiche',
    'difficoltà abitative',
  ]),
  coded('SegnalazioneAutoritaGiudiziaria', "Segnalazione all'autorità giudiziaria", true, YES_NO),
  month('DataSegnalazione', "Data della segnalazione all'autorità giudiziaria (MM/AAAA)", false),
  coded('ProvvedimentoGiudiziario', 'Provvedimento giudiziario', true, YES_NO),
  month('DataProvvedimentoGiudiziario', 'Data del provvedimento giudiziario (MM/AAAA)', false),
  coded('AutoritaProvvedimento', 'Autorità del provvedimento', false, [
    'Giudice tutelare',
    'Tribunale per i minori',
    'Procura per i minori',
    'Tribunale ordinario',
  ]),
  coded('PotestaTutela', 'Potestà e tutela', false, [
    'sospensione potestà genitoriale',
    'decadenza potestà genitoriale',
    'prescrizioni ai genitori',
    'tutela a parenti o altri soggetti',
    'curatela',
  ]),
  coded('TipoProvvedimentoGiudiziario', 'Tipo di provvedimento giudiziario', false, [
    'adottabilità',
    'adozione nazionale',
    'adozione internazionale',
    'affidamento familiare',
    'affido al servizio sociale',
    'affidamento a uno dei genitori in caso di separazione',
    'vigilanza',
    'post-adozione "allontanamento del minore in via d\'emergenza (art.403  c.c.)',
  ]),
  coded('FormaInterventoAffido', "Forma dell'affido", false, ['Consensuale', 'Giudiziario']),
  coded('TipoInterventoAffido', "Tipo dell'affido", false, ['Intrafamiliare', 'Eterofamiliare']),
  coded('DurataAffido', "Durata dell'affido", false, ['Tempo pieno', 'Tempo parziale']),
  coded('CarattereAffido', "Carattere dell'affido", false, ['Residenziale', 'Diurno']),
  coded('EsitoAffido', "Esito dell'affido", false, ESITO_USCITA),
  coded('CarattereInserimentoResidenziale', "Carattere dell'inserimento residenziale", false, [
    'familiare-prevalente accoglienza abitativa',
    'familiare-prevalente funzione tutelare',
    'familiare-funzione socio-educativa',
    'comunitario-accoglienza di emergenza',
    'comunitario-prevalente accoglienza abitativa',
    'comunitario-prevalente funzione tutelare',
    'comunitario-funzione socio-educativa',
    'comunitario-funzione educativa-psicologica',
    'comunitario-funzione integrazione socio-sanitaria bassa',
    'comunitario-funzione integrazione socio-sanitaria medio-alta',
  ]),
  coded('FormaInserimentoResidenziale', "Forma dell'inserimento residenziale", false, [
    'Consensuale',
    'Giudiziario',
  ]),
  coded('TipoInserimentoResidenziale', "Tipo dell'inserimento residenziale", false, [
    'Con genitore',
    'Senza genitore',
  ]),
  coded('EsitoInserimentoStruttura', "Esito dell'inserimento in struttura", false, [
    'rientrato nella famiglia di origine',
    'in famiglia affidataria o affidatario',
    'adottato',
    'inserito in altra struttura socio-educativa',
    'inserito in struttura sanitaria',
    'reso autonomo',
    'rimpatriato',
    'destinazione ignota',
    'altro',
  ]),
  coded('MotivazioneChiusuraCarico', 'Motivo della chiusura della presa in carico', false, [
    'passaggio a servizio territoriale altro ambito/distretto della stessa regione',
    'passaggio a servizio territoriale altro ambito/distretto di altra regione',
    'raggiunta età maggiorenne',
    'conclusione degli interventi e della presa in carico per risoluzione dello stato di bisogno',
    'uscita richiesta dal minore utente o dalla famiglia',
    'rimpatrio',
    'irreperibilità',
    'decesso',
    'altro',
  ]),
  coded('SituazioneChiusuraCarico', 'Situazione alla chiusura della presa in carico', false, [
    'Nella famiglia di origine',
    'vita in autonomia (in appartamento anche con altri non familiari o parenti)',
    'rimane nella famiglia affidataria anche se maggiorenne',
    'rimane nella struttura residenziale socio-assistenziale anche se maggiorenne',
    'collocato in struttura residenziale sanitaria',
    'adottato in una nuova famiglia',
    'in istituto penale',
    'destinazione ignota',
  ]),
  coded('CollaborazioniInterventi', 'Collaborazioni negli interventi', false, [
    'SERT',
    'NPI',
    'psicologia',
    'clinica/dsm',
    'altri servizi sociali (consultorio, centri famiglia, adulti, di altro abito/distretto)',
    'ussm ministero giustizia',
    'scuola',
    'servizi privato sociale associazionismo, volontariato',
    'altro',
  ]),
];

/** Who lives with the minor (ComposizioneFamiglia, one or more). */
export const SINBA_FAMILY_MEMBERS: readonly string[] = [
  'Madre',
  'Padre',
  'Fratelli/Sorelle',
  'Nonno/a',
  'Compagno/a della madre o del padre',
  'Altri conviventi',
];

/** The minor's assessment as the case file keeps it: XSD attribute → value, and the family. */
export interface SinbaRecord {
  attributes: Record<string, string>;
  /** ComposizioneFamiglia codes, at least one. */
  famiglia: string[];
}

/** The first value the schema would refuse, as its field and label; null when all are valid. */
export function sinbaInvalidField(record: SinbaRecord): { field: string; label: string } | null {
  const known = new Map(SINBA_ATTRIBUTES.map((a) => [a.name, a]));
  for (const [name, value] of Object.entries(record.attributes)) {
    const attribute = known.get(name);
    if (!attribute) return { field: `attributes.${name}`, label: name };
    const valid = attribute.codes
      ? Number(value) >= 1 && Number(value) <= attribute.codes.length && String(Number(value)) === value
      : attribute.pattern!.test(value);
    if (!valid) return { field: `attributes.${name}`, label: attribute.label };
  }
  const family = new Set(record.famiglia);
  if (family.size !== record.famiglia.length || record.famiglia.some((c) => !/^[1-6]$/.test(c)))
    return { field: 'famiglia', label: 'Composizione della famiglia' };
  return null;
}

/** The labels of what SINBA requires and the record lacks, in the schema's order. */
export function sinbaMissing(record: SinbaRecord): string[] {
  const missing = SINBA_ATTRIBUTES.filter((a) => a.required && !record.attributes[a.name]).map(
    (a) => a.label,
  );
  // The type of disability goes with a disability; the family composition is required by the XSD.
  if (record.attributes.Disabilita === '1' && !record.attributes.TipoDisabilita)
    missing.push('Tipo di disabilità');
  if (record.famiglia.length === 0) missing.push('Composizione della famiglia');
  return missing;
}
