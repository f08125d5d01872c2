import type { EmailCatalog } from './en.js';

export const esEmail: EmailCatalog = {
  greetingNoName: 'Hola:',
  greeting: 'Hola, {{name}}:',
  confirmation: {
    subject: 'Inscripción confirmada: {{title}}',
    subjectWaitlisted: 'Lista de espera: {{title}}',
    intro: 'Su plaza en «{{title}}» está confirmada.',
    waitlisted:
      'El seminario «{{title}}» está completo y usted está en la lista de espera. Le escribiremos si se libera una plaza.',
  },
  reminder: {
    subject: 'Recordatorio: {{title}} comienza {{relative}}',
    intro: '«{{title}}» comienza {{relative}}.',
  },
  reschedule: {
    subject: 'Nuevo horario: {{title}}',
    intro:
      'El seminario «{{title}}» cambió de horario. Su inscripción sigue siendo válida; la invitación adjunta actualiza su calendario.',
  },
  cancellation: {
    subjectWebinar: 'Cancelado: {{title}}',
    webinar: 'Lo sentimos: el seminario «{{title}}» ha sido cancelado.',
    subjectRegistration: 'Inscripción cancelada: {{title}}',
    registration: 'Su inscripción a «{{title}}» está cancelada. Puede volver a inscribirse mientras queden plazas.',
    calendar: 'El archivo adjunto elimina el seminario de su calendario.',
  },
  promotion: {
    subject: 'Se liberó una plaza: {{title}}',
    intro: 'Buenas noticias: se liberó una plaza y su inscripción a «{{title}}» ya está confirmada.',
  },
  followUp: {
    subject: 'Gracias por participar: {{title}}',
    intro: 'Gracias por participar en «{{title}}».',
    recording: 'Grabación: {{url}}',
    input:
      'Cuéntenos qué obstáculos enfrentan las personas migrantes donde usted está y qué debería cambiar. Su aporte alimenta la consulta sobre este tema: {{url}}',
  },
  invitation: {
    subject: 'Invitación: {{title}}',
    intro: 'La coalición le invita al seminario web «{{title}}».',
    zoneOfCountry: 'zona horaria principal de {{country}}',
    register: 'Inscríbase aquí (el formulario ya tiene sus datos): {{url}}',
    why: 'Recibe este correo porque su organización forma parte de una red miembro de la coalición.',
    unsubscribe: 'Para no recibir más invitaciones: {{url}}',
  },
  when: 'Cuándo (su hora): {{time}}',
  whenCountry: 'Cuándo: {{time}}',
  hostTime: 'Hora de la organización: {{time}}',
  duration: 'Duración: {{minutes}} minutos',
  join: 'Enlace para unirse: {{url}}',
  joinHint: 'No comparta este enlace: es solo para personas inscritas.',
  manage: 'Para ver o cancelar su inscripción: {{url}}',
  calendar: 'La invitación adjunta (.ics) añade el seminario a su calendario.',
  privacy: 'Cómo usamos y protegemos sus datos (aviso de privacidad): {{url}}',
  signature: 'El equipo Convene de la coalición',
  accounts: {
    invitation: {
      subject: 'Su invitación al espacio de coordinación de Convene',
      intro: 'Una persona administradora de la coalición le ha abierto una cuenta de coordinación ({{email}}).',
      link: 'Elija su contraseña aquí: {{url}}',
      expires: 'El enlace funciona una sola vez y es válido durante {{hours}} horas.',
      ignore: 'Si no esperaba esta invitación, puede ignorar este mensaje.',
    },
    passwordReset: {
      subject: 'Restablecer su contraseña de Convene',
      intro: 'Alguien ha pedido restablecer la contraseña de la cuenta de coordinación {{email}}.',
      link: 'Elija una nueva contraseña aquí: {{url}}',
      expires:
        'El enlace funciona una sola vez y es válido durante {{minutes}} minutos. Una nueva contraseña cierra todas las demás sesiones de esta cuenta.',
      ignore: 'Si no lo ha pedido usted, ignore este mensaje: su contraseña no cambia.',
    },
  },
  followUpAbsentee: {
    subject: 'Le echamos de menos: {{title}}',
    intro: 'Lamentamos que no haya podido participar en «{{title}}».',
    recording: 'Puede ver la grabación: {{url}}',
    input:
      'Su experiencia sigue contando. Cuéntenos qué obstáculos enfrentan las personas migrantes donde usted está y qué debería cambiar; su aporte alimenta la consulta sobre este tema: {{url}}',
  },
};
