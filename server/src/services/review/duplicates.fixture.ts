import type { TLanguage } from '@convene/shared';

/** One account as three reports: as first sent, resent with light edits, reworded by another network. */
export type DuplicateAccount = { original: string; resent: string; reworded: string };

/**
 * Realistic report texts (barriers) in the four languages for measuring the near-duplicate
 * threshold: per language, two accounts each sent three times — `resent` (the same network
 * sending again with light edits) and `reworded` (copied to another region's network and
 * rewritten; `second`'s rewrite goes further than the first's) — and three unrelated reports of
 * the same theme, one of them (`sameTopic`) on the very subject of the first account, in the
 * same vocabulary (detention, asylum, interpreters, deportation).
 */
export type DuplicateSamples = DuplicateAccount & {
  second: DuplicateAccount;
  unrelated: [labour: string, health: string, sameTopic: string];
};

export const DUPLICATE_SAMPLES: Record<TLanguage, DuplicateSamples> = {
  en: {
    second: {
      original:
        'Seasonal farm workers recruited in Morocco for the strawberry harvest in Huelva are paid less than the contract says and are charged for housing in overcrowded containers. Those who complain are not called back the next season. Most do not speak Spanish and no one explains their rights.',
      resent:
        'Seasonal farm workers recruited in Morocco for the strawberry harvest in Huelva are paid less than their contracts say and are charged for housing in overcrowded containers. Workers who complain are not hired again the next season. Most of them do not speak Spanish and nobody explains their rights to them.',
      reworded:
        'In Huelva, Moroccan women brought in for the strawberry harvest earn less than their contracts promise and must pay to live in crowded containers. Anyone who complains is not called back the following season. Few speak Spanish, and nobody tells them what their rights are.',
    },
    original:
      'Migrants held at the detention centre in Tripoli have no access to a lawyer or an interpreter. Families are not told where their relatives are held, and people are deported before they can file an asylum claim. Children are detained with adults for weeks.',
    resent:
      'Migrants held in the detention centre in Tripoli have no access to lawyers or interpreters. Families are not told where their relatives are being held, and people are deported before they can lodge an asylum claim. Children are detained together with adults for weeks.',
    reworded:
      'In the Tripoli detention centre, detained migrants cannot see a lawyer or get an interpreter. Their families are never told where they are held, and many are deported before filing an asylum claim. Children are kept with adults for weeks.',
    unrelated: [
      "Migrant domestic workers in Beirut have their passports confiscated by employers and cannot change jobs without the sponsor's permission. Wages go unpaid for months and complaints to the labour ministry are not followed up.",
      'Clinics in Lampedusa refuse care to people without papers, and hospital staff report undocumented patients to the police. Pregnant women avoid antenatal care out of fear of detention.',
      'Migrants held at the border are not told about their right to claim asylum. Detention centres near the border have no interpreters, and families are separated during deportation.',
    ],
  },
  fr: {
    second: {
      original:
        'Les saisonnières recrutées au Maroc pour la récolte des fraises à Huelva sont payées moins que ce que prévoit le contrat et doivent payer un logement dans des conteneurs surpeuplés. Celles qui se plaignent ne sont pas rappelées la saison suivante. La plupart ne parlent pas espagnol et personne ne leur explique leurs droits.',
      resent:
        "Les saisonnières recrutées au Maroc pour la récolte des fraises à Huelva sont payées moins que ne le prévoit leur contrat et doivent payer leur logement dans des conteneurs surpeuplés. Celles qui se plaignent ne sont pas réembauchées la saison suivante. La plupart ne parlent pas l'espagnol et personne ne leur explique leurs droits.",
      reworded:
        "À Huelva, les Marocaines venues pour la récolte des fraises gagnent moins que ce que promet leur contrat et paient pour vivre dans des conteneurs bondés. Toute personne qui se plaint n'est pas rappelée la saison d'après. Peu parlent espagnol, et personne ne leur dit quels sont leurs droits.",
    },
    original:
      "Les personnes migrantes détenues au centre de rétention de Calais n'ont accès ni à un avocat ni à un interprète. Les familles ne savent pas où leurs proches sont enfermés, et des personnes sont expulsées avant d'avoir pu déposer une demande d'asile. Des enfants sont retenus avec des adultes pendant des semaines.",
    resent:
      "Les personnes migrantes détenues dans le centre de rétention de Calais n'ont accès ni à des avocats ni à des interprètes. Les familles ne savent pas où leurs proches sont enfermés, et des gens sont expulsés avant d'avoir pu déposer leur demande d'asile. Des enfants sont retenus avec les adultes pendant plusieurs semaines.",
    reworded:
      "Au centre de rétention de Calais, les migrants détenus ne peuvent pas voir d'avocat ni obtenir d'interprète. On ne dit jamais aux familles où leurs proches sont enfermés, et beaucoup sont expulsés avant de déposer une demande d'asile. Les enfants restent avec les adultes des semaines entières.",
    unrelated: [
      "Les travailleuses domestiques migrantes à Beyrouth se voient confisquer leur passeport par leurs employeurs et ne peuvent pas changer d'emploi sans l'accord du garant. Les salaires ne sont pas versés pendant des mois et les plaintes au ministère du Travail restent sans suite.",
      'Les centres de santé de Lampedusa refusent de soigner les personnes sans papiers, et le personnel hospitalier signale les patients sans titre de séjour à la police. Les femmes enceintes évitent les consultations prénatales par peur de la rétention.',
      "Les personnes migrantes retenues à la frontière ne sont pas informées de leur droit de demander l'asile. Les centres de rétention proches de la frontière n'ont pas d'interprètes, et les familles sont séparées lors des expulsions.",
    ],
  },
  es: {
    second: {
      original:
        'Las temporeras contratadas en Marruecos para la cosecha de la fresa en Huelva cobran menos de lo que dice el contrato y se les cobra por vivir en contenedores hacinados. A las que se quejan no las vuelven a llamar la temporada siguiente. La mayoría no habla español y nadie les explica sus derechos.',
      resent:
        'Las temporeras contratadas en Marruecos para la cosecha de la fresa en Huelva cobran menos de lo que dice su contrato y se les cobra el alojamiento en contenedores hacinados. A las que se quejan no las vuelven a contratar la temporada siguiente. La mayoría no habla español y nadie les explica cuáles son sus derechos.',
      reworded:
        'En Huelva, las marroquíes que vienen a recoger fresa ganan menos de lo que promete su contrato y pagan por vivir en contenedores abarrotados. Quien se queja no vuelve a ser llamada la temporada siguiente. Pocas hablan español y nadie les dice qué derechos tienen.',
    },
    original:
      'Las personas migrantes detenidas en la estación migratoria de Tapachula no tienen acceso a un abogado ni a un intérprete. A las familias no se les informa dónde están sus familiares, y las personas son deportadas antes de poder presentar una solicitud de asilo. Hay niños detenidos con adultos durante semanas.',
    resent:
      'Las personas migrantes detenidas en la estación migratoria de Tapachula no tienen acceso a abogados ni a intérpretes. A las familias no se les informa dónde están detenidos sus familiares, y la gente es deportada antes de poder presentar su solicitud de asilo. Hay niños detenidos junto con adultos durante varias semanas.',
    reworded:
      'En la estación migratoria de Tapachula, los migrantes detenidos no pueden ver a un abogado ni conseguir un intérprete. Nunca se informa a sus familias dónde están, y muchos son deportados antes de pedir asilo. Los niños permanecen con adultos durante semanas.',
    unrelated: [
      'Las trabajadoras del hogar migrantes en Santiago no tienen contrato y sus empleadores retienen sus documentos. No pueden cambiar de empleo sin perder su visa, y las denuncias ante la inspección del trabajo no prosperan.',
      'Los centros de salud en Ciudad Juárez niegan la atención a personas sin papeles, y el personal del hospital denuncia a los pacientes indocumentados ante la policía. Las mujeres embarazadas evitan los controles prenatales por miedo a la detención.',
      'A las personas migrantes detenidas en la frontera no se les informa de su derecho a pedir asilo. Las estaciones migratorias cerca de la frontera no tienen intérpretes, y las familias son separadas durante las deportaciones.',
    ],
  },
  ar: {
    second: {
      original:
        'العاملات الموسميات اللواتي يتم توظيفهن في المغرب لموسم قطف الفراولة في ولبة يتقاضين أجراً أقل مما ينص عليه العقد ويدفعن مقابل السكن في حاويات مكتظة. اللواتي يشتكين لا يتم استدعاؤهن في الموسم التالي. معظمهن لا يتحدثن الإسبانية ولا أحد يشرح لهن حقوقهن.',
      resent:
        'العاملات الموسميات اللواتي يتم توظيفهن في المغرب لموسم قطف الفراولة في ولبة يتقاضين أجرا أقل مما ينص عليه عقدهن ويدفعن مقابل السكن في حاويات مكتظة. العاملات اللواتي يشتكين لا يتم توظيفهن مجددا في الموسم التالي. معظمهن لا يتحدثن اللغة الإسبانية ولا أحد يشرح لهن حقوقهن.',
      reworded:
        'في ولبة، تحصل المغربيات القادمات لقطف الفراولة على أجر أقل مما يعد به العقد ويدفعن للعيش في حاويات مزدحمة. من تشتكي لا يتم استدعاؤها في الموسم الذي يليه. قليلات منهن يتحدثن الإسبانية، ولا أحد يخبرهن بحقوقهن.',
    },
    original:
      'المهاجرون المحتجزون في مركز الاحتجاز في طرابلس لا يحصلون على محامٍ أو مترجم. لا يتم إبلاغ العائلات بمكان احتجاز أقاربهم، ويتم ترحيل الناس قبل أن يتمكنوا من تقديم طلب لجوء. يُحتجز الأطفال مع البالغين لأسابيع.',
    resent:
      'المهاجرون المحتجزون في مركز احتجاز طرابلس لا يحصلون على محامين أو مترجمين. لا يتم إبلاغ العائلات بمكان احتجاز أقاربهم، ويتم ترحيل الناس قبل أن يتمكنوا من تقديم طلبات اللجوء. يحتجز الأطفال مع البالغين لعدة أسابيع.',
    reworded:
      'في مركز الاحتجاز في طرابلس، لا يستطيع المهاجرون المحتجزون مقابلة محام أو الحصول على مترجم. لا تبلغ عائلاتهم أبدا بمكان احتجازهم، ويرحل كثيرون قبل تقديم طلب اللجوء. يبقى الأطفال مع البالغين لأسابيع.',
    unrelated: [
      'العاملات المهاجرات في المنازل في بيروت تصادر جوازات سفرهن من قبل أصحاب العمل ولا يستطعن تغيير العمل دون إذن الكفيل. لا تدفع الأجور لشهور ولا تتابع وزارة العمل الشكاوى.',
      'ترفض العيادات في لامبيدوزا علاج الأشخاص الذين لا يحملون أوراقا، ويبلغ موظفو المستشفى الشرطة عن المرضى غير الموثقين. تتجنب النساء الحوامل رعاية ما قبل الولادة خوفا من الاحتجاز.',
      'لا يتم إبلاغ المهاجرين المحتجزين على الحدود بحقهم في طلب اللجوء. لا يوجد مترجمون في مراكز الاحتجاز قرب الحدود، ويتم فصل العائلات أثناء الترحيل.',
    ],
  },
};
