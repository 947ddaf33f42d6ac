import { plural } from './plural';

/** Comuni, Ambiti and the territory: Italian, loaded with the pages that show them (namespaces.ts). */
export const territoryIt = {
  territory: {
    title: 'Comuni e Ambiti',
    lead: 'I comuni della provincia di Cremona con la popolazione residente, raggruppati per Ambito distrettuale.',
    ambitiTitle: 'Ambiti distrettuali',
    ambitiCaption: 'Ambiti distrettuali con numero di comuni e popolazione',
    comuniTitle: 'Comuni',
    comuniCaption: 'Comuni della provincia',
    chartCaption: 'Popolazione residente per Ambito (i valori sono nella tabella).',
    mapCaption: 'Posizione dei comuni: la dimensione del punto indica la popolazione, il colore l’Ambito.',
    mapCredits: 'Confini: ISTAT, elaborazione Openpolis (CC BY 4.0).',
    ambito: 'Ambito',
    subAmbito: 'Sub-ambito',
    subAmbiti: 'Sub-ambiti',
    comune: 'Comune',
    leadComune: 'Comune capofila',
    comuniCount: 'Comuni',
    population: 'Popolazione',
    istatCode: 'Codice ISTAT',
    searchComune: 'Cerca un comune',
    noComuni: 'Nessun comune corrisponde ai filtri.',
    shown: (n: number, population: string) => `${n} ${plural(n, 'comune', 'comuni')}, ${population} abitanti`,
    reassign: 'Riassegna',
    reassignTitle: (name: string) => `Riassegna ${name}`,
    reassigned: (name: string) => `${name} è stato riassegnato.`,
    subAmbitoCreateTitle: 'Nuovo sub-ambito',
    subAmbitoName: 'Nome del sub-ambito',
    subAmbitoCreated: (name: string) => `Sub-ambito «${name}» creato.`,
  },
};
