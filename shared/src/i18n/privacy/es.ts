import type { PrivacyCatalog } from './en.js';

export const esPrivacy: PrivacyCatalog = {
  title: 'Aviso de privacidad',
  intro:
    'Esta página dice, con palabras sencillas, qué guarda este sitio sobre usted, por qué, quién puede verlo, durante cuánto tiempo y cómo recuperarlo.',
  coalition: 'la coalición de organizaciones de personas migrantes',
  who: {
    title: 'Quién es responsable',
    body: 'Este sitio lo gestiona {{controller}}, responsable de los datos que usted da aquí.',
    email: 'Correo: {{email}}',
    address: 'Dirección: {{address}}',
  },
  registration: {
    title: 'Cuando se inscribe en un webinario',
    what: 'Qué guardamos: su nombre, correo, organización (si la da), país, el idioma y la zona horaria de sus correos, y cuándo y a qué texto dio su consentimiento.',
    why: 'Por qué: para enviarle la confirmación, el enlace de conexión, los recordatorios, cualquier cambio de hora y, después del webinario, la grabación y un mensaje de seguimiento.',
    who: 'Quién puede verlo: las personas coordinadoras de la coalición que organizan el webinario. No lo vendemos ni se lo damos a nadie más.',
    keep: 'Durante cuánto tiempo: {{days}} días después del final del webinario se borran su nombre, correo y organización. Solo quedan totales.',
  },
  anonymous: {
    title: 'Cuando envía un informe anónimo',
    what: 'Qué guardamos: lo que escribe (barreras, recomendaciones, fuente), los temas, la región, los países y el corredor que elige, el idioma y el uso que autoriza. Ningún nombre, ningún correo, ninguna dirección IP.',
    why: 'Por qué: para llevar lo que enfrentan las personas migrantes donde usted está a las consultas del Pacto Mundial.',
    who: 'Quién puede verlo: las personas coordinadoras de la coalición. Solo se publica si usted lo permitió, y entonces sin ningún nombre. Pueden quitar del texto los datos personales antes de usarlo.',
    keep: 'Durante cuánto tiempo: el informe queda como registro de su aporte para la coalición, hasta que usted lo retire.',
  },
  named: {
    title: 'Cuando envía un informe con su nombre',
    what: 'Qué guardamos: lo mismo que en un informe anónimo, más su organización y, si los da, su nombre, correo y teléfono.',
    locked:
      'Su nombre, correo y teléfono se cierran con llave en su propio dispositivo antes de salir de él: solo las personas administradoras de la coalición pueden abrirlos. El texto del informe no se cierra, para que se pueda leer y compilar.',
    who: 'Quién puede verlo: las personas coordinadoras ven el informe y su organización. Su nombre solo se publica con él si usted lo eligió.',
    keep: 'Durante cuánto tiempo: {{days}} días después de que su informe forme parte de un documento terminado, se borran su nombre, correo y teléfono.',
  },
  contacts: {
    title: 'Cuando una red miembro comparte su dirección',
    body: 'Le enviamos invitaciones a webinarios. Cada una tiene un enlace para dejar de recibirlas. {{days}} días después se borra su dirección; solo queda un código cifrado de ella, para no volver a escribirle nunca.',
  },
  safety: {
    title: 'Lo que nunca guardamos',
    ip: 'Los informes nunca guardan su dirección IP (el número que identifica su conexión): ni en el informe ni en nuestros registros.',
    abuse:
      'Para evitar abusos de los formularios, el servidor cuenta las solicitudes con un código cifrado de la dirección, que se guarda poco tiempo y nunca junto a su informe.',
    cookies:
      'Ni publicidad ni rastreo. La única cookie de un visitante recuerda el idioma que elige. El formulario de informe guarda los borradores y los informes sin enviar en su dispositivo hasta que el servidor los recibe.',
  },
  rights: {
    title: 'Recuperar sus datos',
    registration:
      'Inscripción: abra el enlace «ver o cancelar su inscripción» de cualquiera de nuestros correos. Allí puede cancelar y hacer borrar sus datos.',
    report:
      'Informe: escriba su código de recibo en la página de estado de los informes. Allí ve en qué punto está su informe y puede retirarlo.',
    receiptLink: 'Ir a la página de estado de los informes',
    other:
      'Para todo lo demás —saber qué datos tenemos sobre usted, corregirlos o borrarlos— escriba a {{email}}. No tiene que dar ninguna razón.',
  },
  versions: {
    title: 'Versiones de los textos de consentimiento',
    body: 'Cada texto de consentimiento tiene una versión. La guardamos con su consentimiento, para poder mostrar siempre las palabras que aceptó. Hoy: inscripción {{registration}}, informes {{report}}.',
  },
  loadError: 'No se pudieron cargar algunos datos de esta página. Compruebe su conexión e inténtelo de nuevo.',
};
