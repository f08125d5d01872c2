import type { EmailCatalog } from './en.js';

export const arEmail: EmailCatalog = {
  greetingNoName: 'مرحباً،',
  greeting: 'مرحباً {{name}}،',
  confirmation: {
    subject: 'تأكيد التسجيل: {{title}}',
    subjectWaitlisted: 'قائمة الانتظار: {{title}}',
    intro: 'تمّ تأكيد مكانك في ندوة «{{title}}».',
    waitlisted: 'ندوة «{{title}}» مكتملة، لذا أنت في قائمة الانتظار. سنراسلك إذا توفّر مكان.',
  },
  reminder: {
    subject: 'تذكير: {{title}} تبدأ {{relative}}',
    intro: 'ندوة «{{title}}» تبدأ {{relative}}.',
  },
  reschedule: {
    subject: 'موعد جديد: {{title}}',
    intro: 'تغيّر موعد ندوة «{{title}}». يبقى تسجيلك سارياً، والدعوة المرفقة تحدّث تقويمك.',
  },
  cancellation: {
    subjectWebinar: 'أُلغيت: {{title}}',
    webinar: 'نأسف لإبلاغك بأن ندوة «{{title}}» قد أُلغيت.',
    subjectRegistration: 'أُلغي التسجيل: {{title}}',
    registration: 'أُلغي تسجيلك في «{{title}}». يمكنك التسجيل مجدداً ما دامت هناك أماكن متاحة.',
    calendar: 'الملف المرفق يحذف الندوة من تقويمك.',
  },
  promotion: {
    subject: 'توفّر مكان: {{title}}',
    intro: 'خبر سار: توفّر مكان وأصبح تسجيلك في «{{title}}» مؤكداً.',
  },
  followUp: {
    subject: 'شكراً لمشاركتك: {{title}}',
    intro: 'شكراً لمشاركتك في «{{title}}».',
    recording: 'التسجيل المصوّر: {{url}}',
    input:
      'أخبرنا بالعوائق التي يواجهها المهاجرون حيث أنت وبما يجب أن يتغيّر. تُغذّي مساهمتك المشاورة حول هذا الموضوع: {{url}}',
  },
  invitation: {
    subject: 'دعوة: {{title}}',
    intro: 'يدعوك التحالف إلى ندوة «{{title}}».',
    zoneOfCountry: 'المنطقة الزمنية الرئيسية في {{country}}',
    register: 'سجّل هنا (الاستمارة معبّأة مسبقاً): {{url}}',
    why: 'تصلك هذه الرسالة لأن منظمتك جزء من شبكة عضو في التحالف.',
    unsubscribe: 'لإيقاف تلقّي الدعوات: {{url}}',
  },
  when: 'الموعد (بتوقيتك): {{time}}',
  whenCountry: 'الموعد: {{time}}',
  hostTime: 'بتوقيت الجهة المنظِّمة: {{time}}',
  duration: 'المدة: {{minutes}} دقيقة',
  join: 'رابط الانضمام: {{url}}',
  joinHint: 'احتفظ بهذا الرابط لنفسك: إنه مخصّص للمسجّلين فقط.',
  manage: 'لعرض تسجيلك أو إلغائه: {{url}}',
  calendar: 'الدعوة المرفقة (.ics) تضيف الندوة إلى تقويمك.',
  signature: 'فريق Convene في التحالف',
  followUpAbsentee: {
    subject: 'افتقدناك: {{title}}',
    intro: 'يؤسفنا أنك لم تتمكّن من حضور «{{title}}».',
    recording: 'يمكنك مشاهدة التسجيل المصوّر: {{url}}',
    input:
      'ما زالت تجربتك مهمّة. أخبرنا بالعوائق التي يواجهها المهاجرون حيث أنت وبما يجب أن يتغيّر؛ تُغذّي مساهمتك المشاورة حول هذا الموضوع: {{url}}',
  },
};
