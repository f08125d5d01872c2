import type { PrivacyCatalog } from './en.js';

export const frPrivacy: PrivacyCatalog = {
  title: 'Protection des données',
  intro:
    'Cette page dit, en mots simples, ce que ce site garde sur vous, pourquoi, qui peut le voir, combien de temps, et comment le reprendre.',
  coalition: 'la coalition des organisations de personnes migrantes',
  who: {
    title: 'Qui est responsable',
    body: 'Ce site est géré par {{controller}}, responsable des données que vous donnez ici.',
    email: 'Courriel : {{email}}',
    address: 'Adresse : {{address}}',
  },
  registration: {
    title: 'Quand vous vous inscrivez à un webinaire',
    what: 'Ce que nous gardons : votre nom, votre courriel, votre organisation (si vous la donnez), votre pays, la langue et le fuseau horaire de vos courriels, et quand et à quel texte vous avez donné votre accord.',
    why: 'Pourquoi : pour vous envoyer la confirmation, le lien de connexion, les rappels, tout changement d’horaire, et après le webinaire son enregistrement et un message de suivi.',
    who: 'Qui peut le voir : les coordinatrices et coordinateurs de la coalition qui organisent le webinaire. Nous ne le vendons pas et ne le donnons à personne d’autre.',
    keep: 'Combien de temps : {{days}} jours après la fin du webinaire, votre nom, votre courriel et votre organisation sont effacés. Seuls des totaux restent.',
  },
  anonymous: {
    title: 'Quand vous envoyez un rapport anonyme',
    what: 'Ce que nous gardons : ce que vous écrivez (obstacles, recommandations, source), les thèmes, la région, les pays et le corridor choisis, la langue, et l’usage que vous autorisez. Aucun nom, aucun courriel, aucune adresse IP.',
    why: 'Pourquoi : pour porter ce que vivent les personnes migrantes là où vous êtes jusqu’aux consultations du Pacte mondial.',
    who: 'Qui peut le voir : les coordinatrices et coordinateurs de la coalition. Il n’est publié que si vous l’avez permis, et alors sans aucun nom. Ils peuvent retirer du texte les détails personnels avant de l’utiliser.',
    keep: 'Combien de temps : le rapport reste la trace de votre contribution pour la coalition, jusqu’à ce que vous le retiriez.',
  },
  named: {
    title: 'Quand vous envoyez un rapport avec votre nom',
    what: 'Ce que nous gardons : la même chose que pour un rapport anonyme, plus votre organisation et, si vous les donnez, votre nom, votre courriel et votre numéro de téléphone.',
    locked:
      'Votre nom, votre courriel et votre numéro de téléphone sont verrouillés sur votre propre appareil avant de le quitter : seuls les administrateurs de la coalition peuvent les déverrouiller. Le texte du rapport n’est pas verrouillé, pour que les coordinateurs puissent le lire et le compiler.',
    who: 'Qui peut le voir : les coordinateurs voient le rapport et votre organisation. Votre nom n’est publié avec lui que si vous l’avez choisi.',
    keep: 'Combien de temps : {{days}} jours après que votre rapport fait partie d’une note de synthèse terminée, votre nom, votre courriel et votre numéro de téléphone sont effacés.',
  },
  contacts: {
    title: 'Quand un réseau membre partage votre adresse',
    body: 'Nous vous envoyons des invitations aux webinaires. Chacune a un lien pour les arrêter. {{days}} jours après, votre adresse est effacée ; seul un code brouillé en reste, pour ne plus jamais vous écrire.',
  },
  safety: {
    title: 'Ce que nous ne gardons jamais',
    ip: 'Les rapports ne gardent jamais votre adresse IP (le numéro qui identifie votre connexion) : ni dans le rapport, ni dans nos journaux.',
    abuse:
      'Pour empêcher les abus des formulaires, le serveur compte les demandes par un code brouillé de l’adresse, gardé peu de temps et jamais à côté de votre rapport.',
    cookies:
      'Ni publicité ni pistage. Le seul cookie d’un visiteur retient la langue choisie. Le formulaire de rapport garde les brouillons et les rapports non envoyés sur votre appareil jusqu’à ce que le serveur les ait reçus.',
  },
  rights: {
    title: 'Reprendre vos données',
    registration:
      'Inscription : ouvrez le lien « voir ou annuler votre inscription » de l’un de nos courriels. Vous pouvez y annuler et faire effacer vos données.',
    report:
      'Rapport : saisissez votre code de suivi sur la page de suivi des rapports. Vous y voyez où en est votre rapport et pouvez le retirer.',
    receiptLink: 'Aller à la page de suivi des rapports',
    other:
      'Pour tout le reste — savoir ce que nous avons sur vous, le corriger ou le faire effacer — écrivez à {{email}}. Vous n’avez pas à donner de raison.',
  },
  versions: {
    title: 'Versions des textes de consentement',
    body: 'Chaque texte de consentement a une version. Nous la gardons avec votre accord, pour toujours pouvoir montrer les mots que vous avez acceptés. Aujourd’hui : inscription {{registration}}, rapports {{report}}.',
  },
  loadError: 'Certains éléments de cette page n’ont pas pu être chargés. Vérifiez votre connexion et réessayez.',
};
