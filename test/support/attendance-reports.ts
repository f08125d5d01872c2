/**
 * Attendance reports as the video platforms export them, for the given attendees' addresses.
 * Headers follow the real exports (Zoom meeting and webinar reports, Microsoft Teams'
 * attendance report — UTF-16 with tabs and a summary first —, Google Meet's attendance
 * sheet, Jitsi/JaaS and BigBlueButton's learning dashboard with e-mails).
 */
export type Platform = 'zoom' | 'zoom-webinar' | 'teams' | 'meet' | 'jitsi' | 'bbb';

export const PLATFORMS: Platform[] = ['zoom', 'zoom-webinar', 'teams', 'meet', 'jitsi', 'bbb'];

/** The report file's bytes; `absent` are listed the way a platform lists no-shows, if it does. */
export function attendanceReport(platform: Platform, attendees: string[], absent: string[] = []): Buffer {
  switch (platform) {
    case 'zoom':
      return utf8(
        [
          'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
          ...attendees.flatMap((email, i) => [
            `"Participant ${i}, Network",${email},12/01/2026 02:00:03 PM,12/01/2026 02:40:00 PM,40,No,Y`,
            // Zoom lists someone who rejoined once per session.
            `"Participant ${i}, Network",${email.toUpperCase()},12/01/2026 02:45:00 PM,12/01/2026 03:30:00 PM,45,No,Y`,
          ]),
          'Phone caller,,12/01/2026 02:10:00 PM,12/01/2026 02:20:00 PM,10,Yes,',
        ].join('\r\n'),
      );
    case 'zoom-webinar':
      return utf8(
        [
          'Attendee Report',
          'Report Generated:,"12/01/2026 04:00 PM"',
          'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,Unique Viewers',
          `Regular pathways,812 3456 7890,"Dec 1, 2026 02:00 PM",92,${attendees.length + absent.length},${attendees.length}`,
          'Host Details',
          'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest',
          'Yes,Coordinator,host@coalition.example,"Dec 1, 2026 01:50 PM","Dec 1, 2026 03:35 PM",105,No',
          'Attendee Details',
          'Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
          ...attendees.map(
            (email, i) =>
              `Yes,Person ${i},Person,${i},${email},"Nov 20, 2026 10:00 AM",approved,"Dec 1, 2026 02:01 PM","Dec 1, 2026 03:30 PM",89,No,Senegal`,
          ),
          ...absent.map(
            (email, i) => `No,Absent ${i},Absent,${i},${email},"Nov 21, 2026 10:00 AM",approved,--,--,--,No,Morocco`,
          ),
        ].join('\n'),
      );
    case 'teams':
      return utf16(
        [
          '1. Summary',
          'Meeting title\tRegular pathways and decent work',
          `Attended participants\t${attendees.length}`,
          'Start time\t12/1/26, 2:00:03 PM',
          'End time\t12/1/26, 3:31:10 PM',
          'Meeting duration\t1h 31m 7s',
          '',
          '2. Participants',
          'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
          ...attendees.map((email, i) =>
            // Some tenants leave Email empty and give the address as the UPN only.
            i % 2 === 0
              ? `Person ${i}\t12/1/26, 2:00:05 PM\t12/1/26, 3:30:00 PM\t1h 29m 55s\t${email}\t${email}\tAttendee`
              : `Person ${i}\t12/1/26, 2:03:00 PM\t12/1/26, 3:30:00 PM\t1h 27m\t\t${email}\tAttendee`,
          ),
          'Guest (Unverified)\t12/1/26, 2:10:00 PM\t12/1/26, 2:30:00 PM\t20m\t\t\tAttendee',
          '',
          '3. In-Meeting Activities',
          'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
          ...attendees.map(
            (email, i) => `Person ${i}\t12/1/26, 2:00:05 PM\t12/1/26, 3:30:00 PM\t1h 29m\t${email}\tAttendee`,
          ),
        ].join('\r\n'),
      );
    case 'meet':
      return utf8(
        [
          '"Participant name";"Participant email";"Duration";"Time joined";"Time exited"',
          ...attendees.map((email, i) => `"Person ${i}";"${email}";"1 hr 28 min";"14:01";"15:29"`),
        ].join('\n'),
      );
    case 'jitsi':
      return utf8(
        '\uFEFF' +
          [
            '"Name","Email","Joined","Left","Duration"',
            ...attendees.map(
              (email, i) => `"Person ${i}","${email}","2026-12-01T14:00:00Z","2026-12-01T15:30:00Z","90"`,
            ),
          ].join('\n'),
      );
    case 'bbb':
      return utf8(
        [
          'Name,Moderator/Viewer,Email,Activity Score,Talk time,Webcam Time,Messages,Emojis,Raise Hand,Join,Left,Duration,Status',
          'Host,Moderator,host@coalition.example,10,00:20:00,00:40:00,3,0,0,14:00,15:31,01:31:00,Offline',
          ...attendees.map(
            (email, i) => `Person ${i},Viewer,${email},4,00:01:00,00:00:00,1,0,1,14:02,15:30,01:28:00,Offline`,
          ),
        ].join('\n'),
      );
  }
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** Teams downloads its attendance report as UTF-16 little-endian with a byte order mark. */
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
