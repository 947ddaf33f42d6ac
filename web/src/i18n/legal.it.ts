/** A section of a legal page: a heading and its paragraphs. */
export interface LegalSection {
  title: string;
  paragraphs: string[];
}

/** How people reach the data controller: the configured address, or the Comune in general. */
const writeTo = (email: string | null) =>
  email ? `scrivi a ${email}` : 'rivolgiti all’ufficio relazioni con il pubblico del tuo Comune';

/** The privacy notice, the legal notes and the accessibility statement, fetched with their pages. */
export const legalIt = {
  legalPages: {
    privacy: {
      title: 'Informativa sul trattamento dei dati personali',
      lead: 'Come Legami usa i tuoi dati, perché e quali diritti hai (art. 13 del Regolamento UE 2016/679, GDPR).',
      sections: (email: string | null): LegalSection[] => [
        {
          title: 'Chi tratta i dati',
          paragraphs: [
            'Il titolare del trattamento è il Comune, o l’Ambito sociale, che gestisce questa installazione di Legami. Le associazioni e le cooperative che svolgono gli interventi sono responsabili del trattamento per la parte che le riguarda, secondo il protocollo operativo.',
            `Per ogni domanda sui tuoi dati e per contattare il responsabile della protezione dei dati (RPD), ${writeTo(email)}.`,
          ],
        },
        {
          title: 'Quali dati e perché',
          paragraphs: [
            'Trattiamo i dati che ci dai tu o l’operatore che ti ascolta: nome, codice fiscale, data di nascita, indirizzo, telefono, che cosa ti serve e, solo se necessario, informazioni sulla salute o sulla situazione familiare.',
            'Li usiamo per organizzare l’aiuto che chiedi, per coordinare i volontari che lo portano e, in forma anonima e aggregata, per le statistiche pubbliche sui servizi.',
            'La base giuridica è lo svolgimento di un compito di interesse pubblico dei servizi sociali (art. 6, par. 1, lett. e, GDPR) e, per i dati sulla salute, i motivi di interesse pubblico rilevante (art. 9, par. 2, lett. g, GDPR e art. 2-sexies del Codice privacy), oltre al consenso che ti chiediamo nei moduli.',
          ],
        },
        {
          title: 'Chi li vede',
          paragraphs: [
            'Li vede solo chi ne ha bisogno per aiutarti: l’operatore, l’assistente sociale, l’organizzazione competente e il volontario che ti porta la spesa (solo nome, indirizzo, telefono e che cosa consegnare). Ogni lettura e ogni modifica dei tuoi dati è registrata.',
            'I dati non sono venduti né usati per pubblicità e restano in Italia o nell’Unione europea.',
            'Perché possa lavorare anche senza rete, il telefono del volontario conserva i compiti di oggi e di domani assegnati a lui (nome, indirizzo e telefono della persona, che cosa consegnare) e gli esiti non ancora inviati; niente di chi non gli è assegnato. Tutto questo è cancellato dal telefono quando il volontario esce da Legami.',
          ],
        },
        {
          title: 'Per quanto tempo',
          paragraphs: [
            'Conserviamo i dati per il tempo necessario all’intervento e poi per i tempi previsti dalle norme sugli archivi della pubblica amministrazione; le statistiche pubblicate non permettono di riconoscere nessuno.',
          ],
        },
        {
          title: 'I tuoi diritti',
          paragraphs: [
            `Puoi chiedere di vedere i tuoi dati, correggerli, cancellarli o limitarne l’uso, e opporti al trattamento: ${writeTo(email)}. Puoi anche presentare reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).`,
          ],
        },
        {
          title: 'Cookie',
          paragraphs: [
            'Legami usa un solo cookie tecnico, per tenerti collegato dopo l’accesso. Non usa cookie di profilazione né strumenti di tracciamento di terze parti.',
          ],
        },
      ],
    },
    legal: {
      title: 'Note legali',
      lead: 'Chi gestisce il sito, a quali condizioni si possono riusare i contenuti e il software.',
      sections: (email: string | null): LegalSection[] => [
        {
          title: 'Chi gestisce il sito',
          paragraphs: [
            `Il sito è gestito dal Comune, o dall’Ambito sociale, che ha installato Legami. Per segnalazioni sul sito ${writeTo(email)}.`,
          ],
        },
        {
          title: 'Software',
          paragraphs: [
            'Legami è software libero, rilasciato con licenza GNU Affero General Public License, versione 3 o successiva (AGPL-3.0-or-later), come prevedono le Linee guida su acquisizione e riuso di software per le pubbliche amministrazioni.',
          ],
        },
        {
          title: 'Contenuti e dati',
          paragraphs: [
            'I dati sui comuni vengono dall’ISTAT e da Openpolis e sono riusati con licenza Creative Commons Attribuzione 4.0 (CC BY 4.0). I dati aperti pubblicati da Legami hanno la stessa licenza.',
            'Nelle installazioni dimostrative le persone, le richieste e i numeri di telefono sono inventati.',
          ],
        },
        {
          title: 'Responsabilità',
          paragraphs: [
            'Le informazioni sui servizi sono pubblicate dagli enti e dalle organizzazioni che li offrono, che ne rispondono. In caso di emergenza chiama il 112: Legami non è un servizio di emergenza.',
          ],
        },
      ],
    },
    accessibility: {
      title: 'Dichiarazione di accessibilità',
      lead: 'Il Comune si impegna a rendere accessibile questo sito, secondo la legge 9 gennaio 2004, n. 4, e le Linee guida AgID sull’accessibilità degli strumenti informatici.',
      sections: (email: string | null): LegalSection[] => [
        {
          title: 'Stato di conformità',
          paragraphs: [
            'Il sito è parzialmente conforme ai requisiti della norma UNI CEI EN 301549 e delle WCAG 2.1 di livello AA, per i contenuti elencati qui sotto.',
          ],
        },
        {
          title: 'Contenuti non accessibili',
          paragraphs: [
            'Le mappe dei giri di consegna e della cabina di regia non sono pienamente utilizzabili con la tastiera e con i lettori di schermo: le stesse informazioni sono negli elenchi e nelle tabelle della stessa pagina.',
            'Alcuni grafici della cabina di regia hanno una tabella con gli stessi dati, non sempre una descrizione testuale completa.',
          ],
        },
        {
          title: 'Come è stata redatta questa dichiarazione',
          paragraphs: [
            'La dichiarazione è stata redatta il 1° dicembre 2026 con un’autovalutazione: ogni pagina è verificata automaticamente con axe-core (WCAG 2.1 A e AA) su computer e su telefono, e i percorsi principali sono provati con la sola tastiera. Ogni ente che installa Legami pubblica la propria dichiarazione sulla piattaforma di AgID (form.agid.gov.it) e la collega da questa pagina.',
          ],
        },
        {
          title: 'Segnalazioni e richieste',
          paragraphs: [
            `Se trovi un contenuto che non riesci a usare, o vuoi riceverlo in un formato accessibile, ${writeTo(email)}: rispondiamo entro 30 giorni.`,
            'Se la risposta non arriva o non ti soddisfa, puoi rivolgerti al Difensore civico per il digitale di AgID, con il modulo su form.agid.gov.it.',
          ],
        },
      ],
    },
  },
};
