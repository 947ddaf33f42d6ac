import type { LegalSection, legalIt } from './legal.it';

const writeTo = (email: string | null) =>
  email ? `write to ${email}` : 'contact the public relations office of your Comune';

/** The legal pages in English; typed as the Italian ones. */
export const legalEn: (typeof legalIt)['legalPages'] = {
  privacy: {
    title: 'Privacy notice',
    lead: 'How Legami uses your data, why, and what rights you have (art. 13 of EU Regulation 2016/679, GDPR).',
    sections: (email: string | null): LegalSection[] => [
      {
        title: 'Who processes the data',
        paragraphs: [
          'The data controller is the Comune, or the social district (Ambito), that runs this installation of Legami. The associations and cooperatives that carry out the help are processors for their part, under the operating protocol.',
          `For any question about your data and to reach the data protection officer (DPO), ${writeTo(email)}.`,
        ],
      },
      {
        title: 'Which data and why',
        paragraphs: [
          'We process what you, or the operator who listens to you, give us: name, codice fiscale, date of birth, address, phone, what you need and, only when necessary, information on health or family situation.',
          'We use it to organise the help you ask for, to coordinate the volunteers who bring it and, anonymised and aggregated, for public statistics on the services.',
          'The legal basis is a task carried out in the public interest by the social services (art. 6(1)(e) GDPR) and, for health data, reasons of substantial public interest (art. 9(2)(g) GDPR and art. 2-sexies of the Italian privacy code), besides the consent the forms ask for.',
        ],
      },
      {
        title: 'Who sees it',
        paragraphs: [
          'Only who needs it to help you: the operator, the social worker, the competent organisation and the volunteer bringing your groceries (only name, address, phone and what to deliver). Every read and change of your data is recorded.',
          'Your data is never sold nor used for advertising, and it stays in Italy or the European Union.',
          'So that volunteers can work without a network, a volunteer’s phone keeps the tasks of today and tomorrow assigned to them (the person’s name, address and phone, what to deliver) and the outcomes not sent yet; nothing of anyone not assigned to them. All of it is erased from the phone when the volunteer logs out of Legami.',
        ],
      },
      {
        title: 'For how long',
        paragraphs: [
          'We keep the data as long as the help requires and then for the periods that the rules on public records set; published statistics do not let anyone be recognised.',
        ],
      },
      {
        title: 'Your rights',
        paragraphs: [
          `You can ask to see your data, correct it, erase it or restrict its use, and object to the processing: ${writeTo(email)}. You can also lodge a complaint with the Italian data protection authority (www.garanteprivacy.it).`,
        ],
      },
      {
        title: 'Cookies',
        paragraphs: [
          'Legami uses a single technical cookie, to keep you logged in. It uses no profiling cookies and no third-party tracking.',
        ],
      },
    ],
  },
  legal: {
    title: 'Legal notes',
    lead: 'Who runs the site, and on what terms its contents and software can be reused.',
    sections: (email: string | null): LegalSection[] => [
      {
        title: 'Who runs the site',
        paragraphs: [
          `The site is run by the Comune, or the social district, that installed Legami. To report a problem with the site, ${writeTo(email)}.`,
        ],
      },
      {
        title: 'Software',
        paragraphs: [
          'Legami is free software, released under the GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later), as the Italian guidelines on acquisition and reuse of software for public administrations provide.',
        ],
      },
      {
        title: 'Contents and data',
        paragraphs: [
          'Data on the comuni comes from ISTAT and Openpolis and is reused under the Creative Commons Attribution 4.0 licence (CC BY 4.0). The open data Legami publishes carries the same licence.',
          'In demo installations the people, requests and phone numbers are made up.',
        ],
      },
      {
        title: 'Liability',
        paragraphs: [
          'Information on services is published by the bodies and organisations offering them, who answer for it. In an emergency call 112: Legami is not an emergency service.',
        ],
      },
    ],
  },
  accessibility: {
    title: 'Accessibility statement',
    lead: 'The Comune is committed to making this site accessible, under Italian law no. 4 of 9 January 2004 and AgID’s guidelines on the accessibility of IT tools.',
    sections: (email: string | null): LegalSection[] => [
      {
        title: 'Compliance status',
        paragraphs: [
          'The site is partially compliant with the requirements of standard UNI CEI EN 301549 and WCAG 2.1 level AA, for the contents listed below.',
        ],
      },
      {
        title: 'Non-accessible content',
        paragraphs: [
          'The maps of the delivery rounds and of the steering room cannot be fully used with a keyboard or a screen reader: the same information is in the lists and tables of the same page.',
          'Some charts of the steering room have a table with the same data, not always a full text description.',
        ],
      },
      {
        title: 'How this statement was prepared',
        paragraphs: [
          'The statement was prepared on 1 December 2026 by self-assessment: every page is checked automatically with axe-core (WCAG 2.1 A and AA) on a computer and on a phone, and the main journeys are tried with the keyboard alone. Every body installing Legami publishes its own statement on AgID’s platform (form.agid.gov.it) and links it from this page.',
        ],
      },
      {
        title: 'Feedback and requests',
        paragraphs: [
          `If you find content you cannot use, or want it in an accessible format, ${writeTo(email)}: we answer within 30 days.`,
          'If no answer comes or it does not satisfy you, you can turn to AgID’s Digital Ombudsman, with the form on form.agid.gov.it.',
        ],
      },
    ],
  },
};
