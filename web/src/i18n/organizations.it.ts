import type { OrganizationKind } from '../../../shared/src/organizations/organizations.schemas';
import { plural } from './plural';

/** Organisations of the third sector and their kinds: Italian, loaded with the pages that show them (namespaces.ts). */
export const organizationsIt = {
  organizations: {
    title: 'Organizzazioni',
    lead: 'Le organizzazioni che operano nel tuo territorio.',
    loadingTitle: 'Organizzazione',
    caption: 'Organizzazioni',
    empty: 'Nessuna organizzazione corrisponde ai filtri.',
    count: (n: number) => `${n} ${plural(n, 'organizzazione', 'organizzazioni')}`,
    searchName: 'Nome',
    name: 'Nome',
    kind: 'Tipo',
    area: 'Dove opera',
    areaHint: 'Indica l’Ambito o il comune; lascia vuoti entrambi se opera in tutta la provincia.',
    wholeProvince: 'Tutta la provincia',
    members: 'Utenti',
    taxCode: 'Codice fiscale o partita IVA',
    taxCodeHint: '11 cifre oppure 16 caratteri.',
    email: 'Email',
    phone: 'Telefono',
    create: 'Registra organizzazione',
  },
  organizationKinds: {
    comune: 'Comune',
    ambito: 'Ambito / Ufficio di Piano',
    association: 'Associazione',
    social_cooperative: 'Cooperativa sociale',
    foundation: 'Fondazione',
    company: 'Impresa',
    health_authority: 'Ente sanitario',
  } satisfies Record<OrganizationKind, string>,
};
