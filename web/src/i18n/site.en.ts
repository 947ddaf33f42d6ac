import type { LegalSection } from './site.it';
import type { siteIt } from './site.it';

const writeTo = (email: string | null) =>
  email ? `write to ${email}` : 'contact the public relations office of your Comune';

/** English strings of the public pages; typed as the Italian ones. */
export const siteEn: typeof siteIt = {
  home: {
    title: 'Help and services near you',
    lead: 'Legami puts people who need a hand in touch with the Comune, the social services, the associations and the volunteers of the province of Cremona.',
    offersTitle: 'What you can do',
    offers: [
      'Ask for groceries or medicines at home, a meal, a lift to a medical appointment.',
      'Talk to an operator who listens, understands what you need and finds who can help.',
      'Follow your requests and know who is taking care of them.',
      'Lend a hand as a volunteer or support your Comune’s fundraising.',
    ],
    askHelp: 'Ask for help',
    askHelpText: 'Log in and fill in the form, or call the help line: an operator listens to you.',
    volunteer: 'Become a volunteer',
    volunteerText: 'Offer a few hours of your time: an association near you will get in touch.',
    donate: 'Donate',
    donateText: 'Support the fundraising of the Comune and the associations.',
    login: 'Log in',
    loginText: 'Are you a citizen, an operator or a volunteer? Enter your area.',
    catalogTitle: 'Services in the area',
    catalogLead: 'Home care, meals, transport and other services, some at capped prices.',
    catalogCount: (n: number) => (n === 1 ? '1 service' : `${n} services`),
  },
  helpline: {
    title: 'Help line',
    call: 'Call',
    hours: (hours: string) => `Open ${hours}.`,
    demo: 'Demo number: nobody answers in this trial installation.',
    emergency: 'In an emergency call 112.',
  },
  donate: {
    title: 'Donate',
    lead: 'With your help the Comune and the associations bring groceries, meals and medicines to people who cannot leave home.',
    money:
      'Fundraising is run by the Comune on a dedicated account: call the help line to learn which campaigns are open and how to make a bank transfer.',
    goods:
      'Are you a company wishing to donate food or goods? Call the help line: we put you in touch with the nearest collection point.',
    time: 'You can also give your time, as a volunteer.',
  },
  spid: {
    title: 'Citizens: log in with SPID or CIE',
    text: 'Use your SPID digital identity or your electronic identity card (CIE): no sign-up needed.',
    button: 'Log in with SPID or CIE',
    off: 'Logging in with SPID and CIE is not active here yet: to ask for help, call the help line.',
    staffTitle: 'Operators, volunteers and services: email and password',
    errors: {
      SPID_LOGIN_FAILED: 'The SPID or CIE login failed or expired: please try again.',
      SPID_NO_FISCAL_NUMBER:
        'The identity provider did not share your codice fiscale: try again and agree to share it.',
      SPID_PROVIDER_UNTRUSTED:
        'The identity provider cannot be trusted right now: try later or call the help line.',
    },
    unknownError: 'The SPID or CIE login failed: please try again.',
    notRegisteredTitle: 'Welcome',
    notRegistered: (name: string) =>
      `${name}, you are logged in, but we cannot find you yet among the people the local services follow. Call the help line: an operator registers you, and at your next login you can ask for help and follow your requests here.`,
  },
  myRequests: {
    youWrote: 'You wrote',
    slot: (from: string, to: string) => `Time slot: from ${from} to ${to}`,
    withdraw: 'Cancel the request',
    withdrawing: 'Cancelling…',
    withdrawConfirm: 'Do you really want to cancel this request? Nobody will bring you this help.',
    withdrawYes: 'Yes, cancel it',
    withdrawNo: 'No, keep it',
    withdrawn: 'Request cancelled.',
  },
  footer: {
    privacy: 'Privacy notice',
    legal: 'Legal notes',
    accessibility: 'Accessibility statement',
    links: 'Useful links',
  },
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
  publicLinks: {
    pacts: 'Collaboration pacts',
    pactsText: 'The commons cared for by citizens and associations together with the Comune.',
    codesign: 'Co-design',
    codesignText: 'The calls to design services with the third sector.',
  },
  dataExport: {
    title: 'Access to personal data (GDPR)',
    lead: 'Export everything Legami holds about a person (GDPR art. 15): a machine-readable file and a PDF to hand over.',
    personId: 'Identifier of the person',
    personIdHint: 'You find it in the audit trail, on the person’s record.',
    personIdInvalid: 'Identifier: write the identifier of the person (36 characters).',
    show: 'Prepare the export',
    json: 'Download the data (JSON)',
    pdf: 'Download the PDF',
    mineTitle: 'My data',
    mineLead: 'You can download all the data Legami holds about you (GDPR art. 15).',
  },
};
