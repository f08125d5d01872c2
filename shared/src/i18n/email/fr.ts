import type { EmailCatalog } from './en.js';

export const frEmail: EmailCatalog = {
  greetingNoName: 'Bonjour,',
  greeting: 'Bonjour {{name}},',
  confirmation: {
    subject: 'Inscription confirmée : {{title}}',
    subjectWaitlisted: 'Liste d’attente : {{title}}',
    intro: 'Votre place au webinaire « {{title}} » est confirmée.',
    waitlisted:
      'Le webinaire « {{title}} » est complet : vous êtes sur la liste d’attente. Nous vous écrirons si une place se libère.',
  },
  reminder: {
    subject: 'Rappel : {{title}} commence {{relative}}',
    intro: '« {{title}} » commence {{relative}}.',
  },
  reschedule: {
    subject: 'Nouvel horaire : {{title}}',
    intro:
      'Le webinaire « {{title}} » a changé d’horaire. Votre inscription reste valable ; l’invitation jointe met votre calendrier à jour.',
  },
  cancellation: {
    subjectWebinar: 'Annulé : {{title}}',
    webinar: 'Nous sommes désolés : le webinaire « {{title}} » est annulé.',
    subjectRegistration: 'Inscription annulée : {{title}}',
    registration:
      'Votre inscription à « {{title}} » est annulée. Vous pouvez vous réinscrire tant qu’il reste des places.',
    calendar: 'Le fichier joint retire le webinaire de votre calendrier.',
  },
  promotion: {
    subject: 'Une place s’est libérée : {{title}}',
    intro: 'Bonne nouvelle : une place s’est libérée et votre inscription à « {{title}} » est maintenant confirmée.',
  },
  followUp: {
    subject: 'Merci de votre participation : {{title}}',
    intro: 'Merci d’avoir participé à « {{title}} ».',
    recording: 'Enregistrement : {{url}}',
    input:
      'Dites-nous quels obstacles rencontrent les personnes migrantes là où vous êtes et ce qui devrait changer. Votre contribution alimente la consultation sur ce thème : {{url}}',
  },
  invitation: {
    subject: 'Invitation : {{title}}',
    intro: 'La coalition vous invite au webinaire « {{title}} ».',
    zoneOfCountry: 'fuseau horaire principal de {{country}}',
    register: 'Inscrivez-vous ici (le formulaire est prérempli) : {{url}}',
    why: 'Vous recevez cet e-mail parce que votre organisation fait partie d’un réseau membre de la coalition.',
    unsubscribe: 'Pour ne plus recevoir d’invitations : {{url}}',
  },
  when: 'Quand (votre heure) : {{time}}',
  whenCountry: 'Quand : {{time}}',
  hostTime: 'Heure de l’organisateur : {{time}}',
  duration: 'Durée : {{minutes}} minutes',
  join: 'Lien de connexion : {{url}}',
  joinHint: 'Gardez ce lien pour vous : il est réservé aux personnes inscrites.',
  manage: 'Pour consulter ou annuler votre inscription : {{url}}',
  calendar: 'L’invitation jointe (.ics) ajoute le webinaire à votre calendrier.',
  signature: 'L’équipe Convene de la coalition',
  followUpAbsentee: {
    subject: 'Vous nous avez manqué : {{title}}',
    intro: 'Nous regrettons que vous n’ayez pas pu participer à « {{title}} ».',
    recording: 'Vous pouvez regarder l’enregistrement : {{url}}',
    input:
      'Votre expérience compte toujours. Dites-nous quels obstacles rencontrent les personnes migrantes là où vous êtes et ce qui devrait changer ; votre contribution alimente la consultation sur ce thème : {{url}}',
  },
};
