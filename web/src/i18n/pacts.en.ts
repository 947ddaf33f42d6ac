import type { pactsIt } from './pacts.it';

/** English strings of the public pages of the collaboration pacts and of co-design. */
export const pactsEn: typeof pactsIt = {
  pacts: {
    title: 'Collaboration pacts',
    lead: 'Citizens, groups and associations take care of the commons together with the Comune: gardens, squares, parks, school courtyards. These are the pacts in force.',
    comune: 'Comune',
    allComuni: 'All comuni',
    none: 'No pact in force in this comune.',
    loading: 'Loading the pacts…',
    failed: 'The pacts could not be loaded: try again later.',
    count: (n: number) => (n === 1 ? '1 pact in force' : `${n} pacts in force`),
    mapCaption: 'Where the commons cared for under a pact are. The list below gives the same places.',
    period: (from: string, to: string) => `In force from ${from} to ${to}`,
    renewable: 'Renewable on request.',
    notRenewable: 'Not renewable.',
    place: 'Place',
    purpose: 'What is done',
    parties: 'Who signs the pact and what each undertakes',
    citizen: 'Active citizen',
    comuneSupport: 'The Comune’s support',
    care: (activities: number, hours: string) =>
      activities === 0
        ? 'No care activity recorded yet.'
        : `${activities === 1 ? '1 care activity' : `${activities} care activities`} recorded, ${hours} hours in all.`,
    propose:
      'Would you like to propose a pact for a place in your neighbourhood? Log in as a citizen and write to the Comune.',
    kinds: {
      garden: 'Garden',
      park: 'Park',
      square: 'Square',
      school_courtyard: 'School courtyard',
      building: 'Building',
      street: 'Street',
      other: 'Other',
    },
  },
  codesign: {
    title: 'Co-design calls',
    lead: 'The Comune designs services together with third-sector bodies (art. 55 of the Third Sector Code): open calls, closed ones and the partnership agreements they led to.',
    open: 'Open calls',
    closed: 'Closed calls',
    noneOpen: 'No call is open at the moment.',
    noneClosed: 'No closed call.',
    loading: 'Loading the calls…',
    failed: 'The calls could not be loaded: try again later.',
    comune: (name: string) => `Comune di ${name}`,
    budget: 'Resources',
    period: (from: string, to: string) => `Proposals from ${from} to ${to}`,
    states: {
      upcoming: 'Opening soon',
      open: 'Open',
      closed: 'Closed, under evaluation',
      awarded: 'Concluded with an agreement',
    },
    criteria: 'Evaluation criteria',
    criterion: 'Criterion',
    maxScore: 'Maximum score',
    project: 'Funded project',
    agreement: (date: string) => `Partnership agreement signed on ${date}`,
    agreementPeriod: (from: string, to: string) => `Activities from ${from} to ${to}.`,
    lead_: 'lead',
    partner: 'partner',
  },
  publicLinks: {
    pacts: 'Collaboration pacts',
    pactsText: 'The commons cared for by citizens and associations together with the Comune.',
    codesign: 'Co-design',
    codesignText: 'The calls to design services with the third sector.',
  },
};
