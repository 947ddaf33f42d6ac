import type { siteIt } from './site.it';

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
