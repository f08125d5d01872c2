import type { EmailCatalog } from './en.js';

export const frEmail: EmailCatalog = {
  greetingNoName: 'Bonjour,',
  greeting: 'Bonjour {{name}},',
  confirmation: {
    subject: 'Inscription confirmée\u00a0: {{title}}',
    subjectWaitlisted: 'Liste d’attente\u00a0: {{title}}',
    intro: 'Votre place au webinaire «\u00a0{{title}}\u00a0» est confirmée.',
    waitlisted:
      'Le webinaire «\u00a0{{title}}\u00a0» est complet\u00a0: vous êtes sur la liste d’attente. Nous vous écrirons si une place se libère.',
  },
  reminder: {
    subject: 'Rappel\u00a0: {{title}} commence {{relative}}',
    intro: '«\u00a0{{title}}\u00a0» commence {{relative}}.',
  },
  reschedule: {
    subject: 'Nouvel horaire\u00a0: {{title}}',
    intro:
      'Le webinaire «\u00a0{{title}}\u00a0» a changé d’horaire. Votre inscription reste valable\u00a0; l’invitation jointe met votre calendrier à jour.',
  },
  cancellation: {
    subjectWebinar: 'Annulé\u00a0: {{title}}',
    webinar: 'Nous sommes désolés\u00a0: le webinaire «\u00a0{{title}}\u00a0» est annulé.',
    subjectRegistration: 'Inscription annulée\u00a0: {{title}}',
    registration:
      'Votre inscription à «\u00a0{{title}}\u00a0» est annulée. Vous pouvez vous réinscrire tant qu’il reste des places.',
    calendar: 'Le fichier joint retire le webinaire de votre calendrier.',
  },
  promotion: {
    subject: 'Une place s’est libérée\u00a0: {{title}}',
    intro:
      'Bonne nouvelle\u00a0: une place s’est libérée et votre inscription à «\u00a0{{title}}\u00a0» est maintenant confirmée.',
  },
  followUp: {
    subject: 'Merci de votre participation\u00a0: {{title}}',
    intro: 'Merci d’avoir participé à «\u00a0{{title}}\u00a0».',
    recording: 'Enregistrement\u00a0: {{url}}',
    input:
      'Dites-nous quels obstacles rencontrent les personnes migrantes là où vous êtes et ce qui devrait changer. Votre contribution alimente la consultation sur ce thème\u00a0: {{url}}',
  },
  invitation: {
    subject: 'Invitation\u00a0: {{title}}',
    intro: 'La coalition vous invite au webinaire «\u00a0{{title}}\u00a0».',
    zoneOfCountry: 'fuseau horaire principal de {{country}}',
    register: 'Inscrivez-vous ici (le formulaire est prérempli)\u00a0: {{url}}',
    why: 'Vous recevez cet e-mail parce que votre organisation fait partie d’un réseau membre de la coalition.',
    unsubscribe: 'Pour ne plus recevoir d’invitations\u00a0: {{url}}',
  },
  when: 'Quand (votre heure)\u00a0: {{time}}',
  whenCountry: 'Quand\u00a0: {{time}}',
  hostTime: 'Heure de l’organisateur\u00a0: {{time}}',
  duration: 'Durée\u00a0: {{minutes}} minutes',
  join: 'Lien de connexion\u00a0: {{url}}',
  joinHint: 'Gardez ce lien pour vous\u00a0: il est réservé aux personnes inscrites.',
  manage: 'Pour consulter ou annuler votre inscription\u00a0: {{url}}',
  calendar: 'L’invitation jointe (.ics) ajoute le webinaire à votre calendrier.',
  privacy: 'Comment nous utilisons et protégeons vos données (protection des données)\xa0: {{url}}',
  signature: 'L’équipe Convene de la coalition',
  accounts: {
    invitation: {
      subject: 'Votre invitation à l’espace des coordinateurs Convene',
      intro:
        'Une administratrice ou un administrateur de la coalition vous a ouvert un compte de coordination ({{email}}).',
      link: 'Choisissez votre mot de passe ici : {{url}}',
      expires: 'Le lien ne fonctionne qu’une fois et reste valable {{hours}} heures.',
      ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
    },
    passwordReset: {
      subject: 'Réinitialiser votre mot de passe Convene',
      intro: 'Quelqu’un a demandé à réinitialiser le mot de passe du compte de coordination {{email}}.',
      link: 'Choisissez un nouveau mot de passe ici : {{url}}',
      expires:
        'Le lien ne fonctionne qu’une fois et reste valable {{minutes}} minutes. Un nouveau mot de passe ferme toutes les autres sessions de ce compte.',
      ignore:
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    },
  },
  followUpAbsentee: {
    subject: 'Vous nous avez manqué : {{title}}',
    intro: 'Nous regrettons que vous n’ayez pas pu participer à « {{title}} ».',
    recording: 'Vous pouvez regarder l’enregistrement : {{url}}',
    input:
      'Votre expérience compte toujours. Dites-nous quels obstacles rencontrent les personnes migrantes là où vous êtes et ce qui devrait changer ; votre contribution alimente la consultation sur ce thème : {{url}}',
  },
};
