import type { NarrativeSection } from '../../../../shared/src/reports/social-report.schemas.js';

/* The Italian words of the report's documents (the web app has its own, with English). */

export const NARRATIVE_TITLES: Record<NarrativeSection, string> = {
  introduzione: 'Introduzione',
  fattori_di_rischio: 'Fattori di rischio',
  fenomeni_emergenti: 'Fenomeni emergenti',
  interventi: 'Gli interventi',
  buone_pratiche: 'Buone pratiche',
  conclusioni: 'Conclusioni',
};

export const SUPPRESSED_NOTE =
  'Solo dati aggregati. "c" = dato riservato: meno di 5 persone, o tale da rivelarne uno insieme agli altri dati pubblicati. I comuni sotto i 1.000 abitanti sono pubblicati insieme.';

export const shownCount = (value: number | null) => (value === null ? 'c' : value.toLocaleString('it-IT'));
export const shownHours = (value: number | null) =>
  value === null ? 'c' : `${value.toLocaleString('it-IT', { maximumFractionDigits: 1 })} ore`;
