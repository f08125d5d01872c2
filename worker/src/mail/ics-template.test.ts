import { buildIcs, type CalendarInvite } from './ics.js';
import { icsTemplate, type PersonalIcsParts } from './ics-template.js';

const shared: Omit<CalendarInvite, keyof PersonalIcsParts | 'timestamp'> = {
  sequence: 2,
  method: 'REQUEST',
  start: new Date('2026-12-05T10:00:00Z'),
  durationMinutes: 90,
  title: 'Droits du travail, voies régulières; et « pare-feu » entre services et contrôle migratoire',
  url: 'https://meet.example.org/j/8812345678?pwd=abcdefghijklmnopqrstuvwxyz0123456789',
  organizer: { name: 'Convene, coalition', email: 'no-reply@convene.localhost' },
};

const people: PersonalIcsParts[] = [
  {
    uid: 'registration-00000000-0000-4000-8000-000000000001@convene',
    description: 'Join: https://meet.example.org/j/1\nManage: http://convene.test/manage/tok?lang=en',
    attendee: { name: 'Participant 1', email: 'p.1@example.org' },
  },
  {
    uid: 'registration-00000000-0000-4000-8000-000000000002@convene',
    description:
      'انضم إلى الندوة: https://meet.example.org/j/8812345678?pwd=abcdefghijklmnopqrstuvwxyz\nإدارة التسجيل: http://convene.test/manage/AbC_dEf-123?lang=ar ; , \\ end',
    attendee: { name: 'أمينة الخوري, "Shabaka" ; منظمة العمال المهاجرين في لبنان', email: 'amina@example.org' },
  },
  {
    uid: 'registration-00000000-0000-4000-8000-000000000003@convene',
    description: 'Únase: https://meet.example.org/j/3\r\nGestione su inscripción aquí',
    attendee: { name: '', email: 'sin.nombre@example.org' },
  },
];

describe('icsTemplate', () => {
  const now = new Date('2026-12-03T20:12:36.789Z');

  it.each(['REQUEST', 'CANCEL', 'PUBLISH'] as const)(
    'gives, for %s, exactly what the ics library builds for each registrant',
    (method) => {
      const template = icsTemplate({ ...shared, method, url: method === 'CANCEL' ? undefined : shared.url });
      for (const person of people) {
        const expected = buildIcs({
          ...shared,
          method,
          url: method === 'CANCEL' ? undefined : shared.url,
          ...person,
          timestamp: now,
        });
        expect(template.render(person, now)).toBe(expected);
      }
    },
  );

  it('stamps each copy with the time it is made, not the time the template was built', () => {
    const template = icsTemplate(shared);
    const later = template.render(people[0]!, new Date('2026-12-04T08:00:00Z'));
    expect(later).toContain('\r\nDTSTAMP:20261204T080000Z\r\n');
    expect(later).not.toContain('DTSTAMP:20261203');
  });

  it('keeps a folded line unfoldable to the registrant text when a name has emoji', () => {
    const template = icsTemplate(shared);
    const person = { ...people[0]!, attendee: { name: `Équipe 👩🏽‍🌾 ${'ب'.repeat(80)}`, email: 'e@example.org' } };
    const unfold = (ics: string) => ics.replace(/\r\n\t/g, '');
    expect(unfold(template.render(person, now))).toBe(unfold(buildIcs({ ...shared, ...person, timestamp: now })));
    for (const line of template.render(person, now).split('\r\n'))
      expect(Array.from(line).length).toBeLessThanOrEqual(76);
  });
});
