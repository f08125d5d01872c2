import type { TTheme } from '../schemas/theme.js';

/**
 * The seed taxonomy: the orientation and the six thematic consultations of the Global
 * Compact process, in every catalog language. Coordinators can edit it afterwards.
 */
export const SEED_THEMES: TTheme[] = [
  {
    slug: 'orientation',
    kind: 'orientation',
    position: 0,
    name: {
      en: 'Orientation: the Global Compact process',
      fr: 'Orientation : le processus du Pacte mondial',
      es: 'Orientación: el proceso del Pacto Mundial',
      ar: 'تعريف: مسار الاتفاق العالمي',
    },
    description: {
      en: 'How the consultations work, when they happen and how member networks can feed in.',
      fr: 'Comment fonctionnent les consultations, quand elles ont lieu et comment les réseaux membres peuvent y contribuer.',
      es: 'Cómo funcionan las consultas, cuándo se realizan y cómo pueden aportar las redes miembro.',
      ar: 'كيف تجري المشاورات ومتى، وكيف يمكن للشبكات الأعضاء المساهمة فيها.',
    },
  },
  {
    slug: 'human-rights-inclusion',
    kind: 'consultation',
    position: 1,
    name: {
      en: 'Human rights of all migrants, social inclusion, cohesion and all forms of discrimination',
      fr: 'Droits humains de toutes les personnes migrantes, inclusion sociale, cohésion et toutes les formes de discrimination',
      es: 'Derechos humanos de todas las personas migrantes, inclusión social, cohesión y todas las formas de discriminación',
      ar: 'حقوق الإنسان لجميع المهاجرين والإدماج الاجتماعي والتماسك وجميع أشكال التمييز',
    },
    description: {
      en: 'Including racism, xenophobia and intolerance.',
      fr: 'Y compris le racisme, la xénophobie et l’intolérance.',
      es: 'Incluidos el racismo, la xenofobia y la intolerancia.',
      ar: 'بما في ذلك العنصرية وكراهية الأجانب والتعصب.',
    },
  },
  {
    slug: 'drivers-of-migration',
    kind: 'consultation',
    position: 2,
    name: {
      en: 'Addressing drivers of migration',
      fr: 'Agir sur les facteurs de migration',
      es: 'Abordar los factores que impulsan la migración',
      ar: 'معالجة دوافع الهجرة',
    },
    description: {
      en: 'Including adverse effects of climate change, natural disasters and human-made crises.',
      fr: 'Y compris les effets néfastes des changements climatiques, les catastrophes naturelles et les crises d’origine humaine.',
      es: 'Incluidos los efectos adversos del cambio climático, los desastres naturales y las crisis provocadas por el ser humano.',
      ar: 'بما في ذلك الآثار الضارة لتغيّر المناخ والكوارث الطبيعية والأزمات التي يتسبب فيها الإنسان.',
    },
  },
  {
    slug: 'cooperation-governance',
    kind: 'consultation',
    position: 3,
    name: {
      en: 'International cooperation and governance of migration',
      fr: 'Coopération internationale et gouvernance des migrations',
      es: 'Cooperación internacional y gobernanza de la migración',
      ar: 'التعاون الدولي وحوكمة الهجرة',
    },
    description: {
      en: 'Including at borders, on transit, entry, return, readmission, integration and reintegration.',
      fr: 'Y compris aux frontières, en transit, à l’entrée, au retour, à la réadmission, à l’intégration et à la réintégration.',
      es: 'Incluidos las fronteras, el tránsito, la entrada, el retorno, la readmisión, la integración y la reintegración.',
      ar: 'بما في ذلك على الحدود وأثناء العبور والدخول والعودة وإعادة القبول والإدماج وإعادة الإدماج.',
    },
  },
  {
    slug: 'contributions-development',
    kind: 'consultation',
    position: 4,
    name: {
      en: 'Contributions of migrants and diasporas to sustainable development',
      fr: 'Contributions des personnes migrantes et des diasporas au développement durable',
      es: 'Contribuciones de las personas migrantes y las diásporas al desarrollo sostenible',
      ar: 'مساهمات المهاجرين والجاليات في التنمية المستدامة',
    },
    description: {
      en: 'Including remittances and portability of earned benefits.',
      fr: 'Y compris les envois de fonds et la portabilité des droits acquis.',
      es: 'Incluidas las remesas y la portabilidad de las prestaciones adquiridas.',
      ar: 'بما في ذلك التحويلات المالية وإمكانية نقل الاستحقاقات المكتسبة.',
    },
  },
  {
    slug: 'smuggling-trafficking',
    kind: 'consultation',
    position: 5,
    name: {
      en: 'Smuggling of migrants, trafficking in persons and contemporary forms of slavery',
      fr: 'Trafic de migrants, traite des personnes et formes contemporaines d’esclavage',
      es: 'Tráfico ilícito de migrantes, trata de personas y formas contemporáneas de esclavitud',
      ar: 'تهريب المهاجرين والاتجار بالأشخاص وأشكال الرق المعاصرة',
    },
    description: {
      en: 'Protection of victims, prosecution of perpetrators and safe reporting without fear of enforcement.',
      fr: 'Protection des victimes, poursuite des auteurs et signalement sûr sans crainte de mesures d’éloignement.',
      es: 'Protección de las víctimas, enjuiciamiento de los responsables y denuncias seguras sin temor a represalias migratorias.',
      ar: 'حماية الضحايا وملاحقة الجناة والإبلاغ الآمن دون خوف من إجراءات الإنفاذ.',
    },
  },
  {
    slug: 'irregular-migration-pathways',
    kind: 'consultation',
    position: 6,
    name: {
      en: 'Irregular migration and regular pathways',
      fr: 'Migration irrégulière et voies de migration régulière',
      es: 'Migración irregular y vías regulares',
      ar: 'الهجرة غير النظامية والمسارات النظامية',
    },
    description: {
      en: 'Including decent work, labour mobility and recognition of skills.',
      fr: 'Y compris le travail décent, la mobilité de la main-d’œuvre et la reconnaissance des compétences.',
      es: 'Incluidos el trabajo decente, la movilidad laboral y el reconocimiento de competencias.',
      ar: 'بما في ذلك العمل اللائق وتنقّل اليد العاملة والاعتراف بالمهارات.',
    },
  },
];
