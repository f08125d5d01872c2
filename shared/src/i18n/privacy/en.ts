/**
 * The privacy notice (/privacy), in plain words for people who may be at risk. Apart from the
 * page catalog so that other pages do not carry it: the browser fetches it with that page only
 * (./load.ts). {{…}} values come from GET /api/privacy, so the periods are the configured ones.
 */
export const enPrivacy = {
  title: 'Privacy notice',
  intro:
    'This page says, in plain words, what this site keeps about you, why, who can see it, for how long, and how to take it back.',
  coalition: 'the coalition of migrant and migrant-led organizations',
  who: {
    title: 'Who is responsible',
    body: 'This site is run by {{controller}}, who is responsible for the details you give here.',
    email: 'Email: {{email}}',
    address: 'Address: {{address}}',
  },
  registration: {
    title: 'When you register for a webinar',
    what: 'What we keep: your name, email, organization (if you give it), country, the language and time zone of your emails, and when and to which text you gave your consent.',
    why: 'Why: to send you the confirmation, the join link, reminders, any change of time, and after the webinar its recording and a follow-up.',
    who: 'Who can see it: the coalition’s coordinators who run the webinar. We do not sell it or give it to anyone else.',
    keep: 'How long: {{days}} days after the webinar ends, your name, email and organization are erased. Only counts remain.',
  },
  anonymous: {
    title: 'When you send an anonymous report',
    what: 'What we keep: what you write (barriers, recommendations, source), the themes, region, countries and corridor you choose, the language, and how you allow the coalition to use it. No name, no email, no IP address.',
    why: 'Why: to bring what migrants face where you are into the consultations of the Global Compact.',
    who: 'Who can see it: the coalition’s coordinators. It is published only if you allowed it, and then without any name. Coordinators can remove personal details from the text before it is used.',
    keep: 'How long: the report stays as the coalition’s record of the input you sent, until you withdraw it.',
  },
  named: {
    title: 'When you send a report with your name',
    what: 'What we keep: the same as for an anonymous report, plus your organization and, if you give them, your name, email and phone number.',
    locked:
      'Your name, email and phone number are locked on your own device before they leave it: only the coalition’s admins can unlock them. The report text itself is not locked, so coordinators can read and compile it.',
    who: 'Who can see it: the coordinators see the report and your organization. Your name is published with it only if you chose that.',
    keep: 'How long: {{days}} days after your report is part of a finished brief, your name, email and phone number are erased.',
  },
  contacts: {
    title: 'When a member network shares your address',
    body: 'We send you invitations to webinars. Each one has a link to stop them. {{days}} days after you stop them, your address is erased; only a scrambled code of it stays, so that we never write to you again.',
  },
  safety: {
    title: 'What we never keep',
    ip: 'Reports never store your IP address (the number that identifies your connection): not in the report, not in our logs.',
    abuse:
      'To stop abuse of the forms, the server counts requests by a scrambled code of the address, kept for a short time and never next to your report.',
    cookies:
      'No advertising or tracking. The only cookie a visitor gets remembers the language you choose. The report form keeps drafts and unsent reports on your device until the server has them.',
  },
  rights: {
    title: 'Taking your details back',
    registration:
      'Registration: open the link “view or cancel your registration” in any of our emails. There you can cancel and have your details deleted.',
    report:
      'Report: enter your receipt code on the report status page. There you can see where your report is and withdraw it.',
    receiptLink: 'Go to the report status page',
    other:
      'For anything else — to see what we hold about you, to correct it or to have it erased — write to {{email}}. You do not need to give a reason.',
  },
  versions: {
    title: 'Versions of the consent texts',
    body: 'Each consent text has a version. We store it with your consent, so we can always show which words you agreed to. Today: registration {{registration}}, reports {{report}}.',
  },
  loadError: 'Some details of this notice could not be loaded. Check your connection and try again.',
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every privacy catalog must have. */
export type PrivacyCatalog = Widen<typeof enPrivacy>;
