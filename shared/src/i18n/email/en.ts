/** English email texts: the reference. Every other email catalog has exactly these keys. */
export const enEmail = {
  greetingNoName: 'Hello,',
  greeting: 'Hello {{name}},',
  confirmation: {
    subject: 'Registration confirmed: {{title}}',
    subjectWaitlisted: 'Waiting list: {{title}}',
    intro: 'Your place at “{{title}}” is confirmed.',
    waitlisted:
      'The webinar “{{title}}” is full, so you are on the waiting list. We will write to you if a place opens.',
  },
  reminder: {
    subject: 'Reminder: {{title}} starts {{relative}}',
    intro: '“{{title}}” starts {{relative}}.',
  },
  reschedule: {
    subject: 'New time: {{title}}',
    intro:
      'The webinar “{{title}}” has moved to a new time. Your registration stays valid; the attached invitation updates your calendar.',
  },
  cancellation: {
    subjectWebinar: 'Cancelled: {{title}}',
    webinar: 'We are sorry: the webinar “{{title}}” has been cancelled.',
    subjectRegistration: 'Registration cancelled: {{title}}',
    registration:
      'Your registration for “{{title}}” is cancelled. You are welcome to register again while places remain.',
    calendar: 'The attached file removes the webinar from your calendar.',
  },
  promotion: {
    subject: 'A place opened up: {{title}}',
    intro: 'Good news: a place opened up, and your registration for “{{title}}” is now confirmed.',
  },
  followUp: {
    subject: 'Thank you for joining: {{title}}',
    intro: 'Thank you for taking part in “{{title}}”.',
    recording: 'Recording: {{url}}',
    input:
      'Tell us which barriers migrants meet where you are and what should change. Your input feeds the consultation on this theme: {{url}}',
  },
  invitation: {
    subject: 'Invitation: {{title}}',
    intro: 'The coalition invites you to the webinar “{{title}}”.',
    zoneOfCountry: 'main time zone of {{country}}',
    register: 'Register here (the form is pre-filled for you): {{url}}',
    why: 'You receive this email because your organization is part of a member network of the coalition.',
    unsubscribe: 'To receive no more invitations: {{url}}',
  },
  when: 'When (your time): {{time}}',
  whenCountry: 'When: {{time}}',
  hostTime: 'Host time: {{time}}',
  duration: 'Duration: {{minutes}} minutes',
  join: 'Join link: {{url}}',
  joinHint: 'Keep this link to yourself: it is personal to registrants.',
  manage: 'To view or cancel your registration: {{url}}',
  calendar: 'The attached invitation (.ics) adds the webinar to your calendar.',
  privacy: 'How we use and protect your details (privacy notice): {{url}}',
  signature: 'The Convene team of the coalition',
  accounts: {
    invitation: {
      subject: 'Your invitation to the Convene coordinator workspace',
      intro: 'An admin of the coalition has opened a coordinator account for you ({{email}}).',
      link: 'Choose your password here: {{url}}',
      expires: 'The link works once and is valid for {{hours}} hours.',
      ignore: 'If you did not expect this invitation, you can ignore this email.',
    },
    passwordReset: {
      subject: 'Reset your Convene password',
      intro: 'Someone asked to reset the password of the coordinator account {{email}}.',
      link: 'Choose a new password here: {{url}}',
      expires:
        'The link works once and is valid for {{minutes}} minutes. Setting a new password signs this account out everywhere else.',
      ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    },
  },
  followUpAbsentee: {
    subject: 'Sorry we missed you: {{title}}',
    intro: 'We are sorry you could not join “{{title}}”.',
    recording: 'You can watch the recording: {{url}}',
    input:
      'Your experience still counts. Tell us which barriers migrants meet where you are and what should change; your input feeds the consultation on this theme: {{url}}',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every email catalog must have. */
export type EmailCatalog = Widen<typeof enEmail>;
