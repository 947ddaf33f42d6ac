/** Italian strings of the public pages: home, help line, footer (kept apart from it.ts). */

export const siteIt = {
  home: {
    title: 'Aiuto e servizi vicino a te',
    lead: 'Legami mette in contatto chi ha bisogno di una mano con il Comune, i servizi sociali, le associazioni e i volontari della provincia di Cremona.',
    offersTitle: 'Che cosa puoi fare',
    offers: [
      'Chiedere la spesa o i farmaci a casa, un pasto, un passaggio per una visita medica.',
      'Parlare con un operatore che ascolta, capisce di che cosa hai bisogno e trova chi può aiutarti.',
      'Seguire le tue richieste e sapere chi se ne occupa.',
      'Dare una mano come volontario o sostenere le raccolte fondi del tuo Comune.',
    ],
    askHelp: 'Chiedi aiuto',
    askHelpText: 'Accedi e compila il modulo, oppure chiama il numero di aiuto: un operatore ti ascolta.',
    volunteer: 'Diventa volontario',
    volunteerText: 'Offri qualche ora del tuo tempo: ti contatta un’associazione vicino a te.',
    donate: 'Dona',
    donateText: 'Sostieni le raccolte fondi del Comune e delle associazioni.',
    login: 'Accedi',
    loginText: 'Sei un cittadino, un operatore o un volontario? Entra nella tua area.',
    catalogTitle: 'I servizi del territorio',
    catalogLead: 'Assistenza a domicilio, pasti, trasporti e altri servizi, anche a prezzi calmierati.',
    catalogCount: (n: number) => (n === 1 ? '1 servizio' : `${n} servizi`),
  },
  helpline: {
    title: 'Numero di aiuto',
    call: 'Chiama',
    hours: (hours: string) => `Risponde ${hours}.`,
    demo: 'Numero dimostrativo: in questa installazione di prova non risponde nessuno.',
    emergency: 'Per le emergenze chiama il 112.',
  },
  donate: {
    title: 'Dona',
    lead: 'Con il tuo aiuto il Comune e le associazioni portano la spesa, i pasti e i farmaci a chi non può uscire di casa.',
    money:
      'Le raccolte fondi sono promosse dal Comune con un conto dedicato: chiama il numero di aiuto per conoscere quelle aperte e le coordinate per il bonifico.',
    goods:
      'Sei un’azienda e vuoi donare alimenti o beni? Chiama il numero di aiuto: ti mettiamo in contatto con il punto di raccolta più vicino.',
    time: 'Puoi donare anche il tuo tempo, come volontario.',
  },
  spid: {
    title: 'Cittadini: entra con SPID o CIE',
    text: 'Usa la tua identità digitale SPID o la Carta d’identità elettronica: non serve registrarsi.',
    button: 'Entra con SPID o CIE',
    off: 'L’accesso con SPID e CIE non è ancora attivo qui: per chiedere aiuto chiama il numero di aiuto.',
    staffTitle: 'Operatori, volontari e servizi: email e password',
    errors: {
      SPID_LOGIN_FAILED: 'L’accesso con SPID o CIE non è riuscito o è scaduto: riprova.',
      SPID_NO_FISCAL_NUMBER:
        'Il gestore dell’identità non ci ha comunicato il tuo codice fiscale: riprova e acconsenti a condividerlo.',
      SPID_PROVIDER_UNTRUSTED:
        'Il gestore dell’identità non risulta affidabile in questo momento: riprova più tardi o chiama il numero di aiuto.',
    } as Record<string, string>,
    unknownError: 'L’accesso con SPID o CIE non è riuscito: riprova.',
    notRegisteredTitle: 'Ti diamo il benvenuto',
    notRegistered: (name: string) =>
      `${name}, hai effettuato l’accesso, ma non ti troviamo ancora tra le persone seguite dai servizi del territorio. Chiama il numero di aiuto: un operatore ti registra, e al prossimo accesso potrai chiedere aiuto e seguire le tue richieste da qui.`,
  },
  myRequests: {
    youWrote: 'Hai scritto',
    slot: (from: string, to: string) => `Fascia oraria: dalle ${from} alle ${to}`,
    withdraw: 'Annulla la richiesta',
    withdrawing: 'Annullamento in corso…',
    withdrawConfirm: 'Vuoi davvero annullare questa richiesta? Nessuno verrà a portarti questo aiuto.',
    withdrawYes: 'Sì, annulla',
    withdrawNo: 'No, tienila',
    withdrawn: 'Richiesta annullata.',
  },
  footer: {
    privacy: 'Informativa sulla privacy',
    legal: 'Note legali',
    accessibility: 'Dichiarazione di accessibilità',
    links: 'Link utili',
  },
  publicLinks: {
    pacts: 'Patti di collaborazione',
    pactsText: 'I beni comuni curati da cittadini e associazioni insieme al Comune.',
    codesign: 'Co-progettazione',
    codesignText: 'Gli avvisi per progettare i servizi con il Terzo Settore.',
  },
  dataExport: {
    title: 'Accesso ai dati personali (GDPR)',
    lead: 'Esporta tutti i dati che Legami conserva su una persona (art. 15 del GDPR): un file leggibile da un programma e un PDF da consegnare.',
    personId: 'Identificativo della persona',
    personIdHint: 'Lo trovi nel registro degli accessi, nella scheda della persona.',
    personIdInvalid: 'Identificativo: scrivi l’identificativo della persona (36 caratteri).',
    show: 'Prepara l’esportazione',
    json: 'Scarica i dati (JSON)',
    pdf: 'Scarica il PDF',
    mineTitle: 'I miei dati',
    mineLead: 'Puoi scaricare tutti i dati che Legami conserva su di te (art. 15 del GDPR).',
  },
};
