import { buildIcs, type CalendarInvite } from './ics.js';

/** What differs between two registrants' copies of the same event. */
export type PersonalIcsParts = Pick<CalendarInvite, 'uid' | 'description' | 'attendee'>;

/** The event with everything shared already rendered; `render` adds one registrant's lines. */
export type IcsTemplate = { render(personal: PersonalIcsParts, now?: Date): string };

// Stand-ins rendered through the library once, so their lines can be found and replaced.
const UID = 'convene-template-uid';
const DESCRIPTION = 'convene-template-description';
const NAME = 'convene-template-name';
const EMAIL = 'convene-template@template.invalid';

/**
 * Builds the event through the `ics` library once (its validation and folding are most of a
 * reminder's rendering time) and keeps its lines; each registrant then only gets its UID,
 * DESCRIPTION, ATTENDEE and DTSTAMP lines, escaped and folded the way the library does
 * (ics 3.x: RFC 5545 text escaping, parameter values quoted, lines folded at 75 characters
 * with CRLF + tab). The result is the library's own output for the same invite.
 */
export function icsTemplate(shared: Omit<CalendarInvite, keyof PersonalIcsParts | 'timestamp'>): IcsTemplate {
  const built = buildIcs({
    ...shared,
    uid: UID,
    description: DESCRIPTION,
    attendee: { name: NAME, email: EMAIL },
  });
  // Split on the line breaks that are not folds: the shared lines stay as the library folded them.
  const lines = built.split(/\r\n(?!\t)/);
  const at = (prefix: string) => {
    const i = lines.findIndex((line) => line.startsWith(prefix));
    if (i < 0) throw new Error(`ics template: no ${prefix} line`);
    return i;
  };
  const uidAt = at(`UID:${UID}`);
  const stampAt = at('DTSTAMP:');
  const descriptionAt = at(`DESCRIPTION:${DESCRIPTION}`);
  const attendeeAt = at('ATTENDEE;');
  const attendee = lines[attendeeAt]!.replace(/\r\n\t/g, '');
  const [beforeName, afterName] = splitOnce(attendee, `CN=${quoteParam(NAME)}`);
  const [, afterEmail] = splitOnce(afterName, `:mailto:${EMAIL}`);
  return {
    render(personal, now = new Date()) {
      const out = lines.slice();
      out[uidAt] = foldLine(`UID:${encodeNewLines(personal.uid)}`);
      out[stampAt] = foldLine(`DTSTAMP:${utcStamp(now)}`);
      out[descriptionAt] = foldLine(`DESCRIPTION:${encodeNewLines(formatText(personal.description))}`);
      const name = quoteParam(personal.attendee.name || 'Unnamed attendee');
      const mailto = personal.attendee.email ? `:mailto:${personal.attendee.email}` : '';
      out[attendeeAt] = foldLine(encodeNewLines(`${beforeName}CN=${name}${mailto}${afterEmail}`));
      return out.join('\r\n');
    },
  };
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  if (i < 0) throw new Error('ics template: unexpected ATTENDEE line');
  return [text.slice(0, i), text.slice(i + separator.length)];
}

/** RFC 5545 TEXT escaping, as the library's formatText. */
function formatText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function encodeNewLines(text: string): string {
  return text.replace(/\r?\n/g, '\\n');
}

/** A quoted parameter value, as the library's encodeParamValue. */
function quoteParam(value: string): string {
  return `"${value.replaceAll('"', '\\"')}"`;
}

function utcStamp(date: Date): string {
  // 2026-12-03T20:12:36.123Z -> 20261203T201236Z
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * Folds at 75 characters, then 74 after each CRLF + tab, counting code points (the library
 * counts graphemes; the two differ only inside emoji sequences, and either fold unfolds to the
 * same text). Most lines are short: they are returned as they are.
 */
function foldLine(line: string): string {
  if (line.length <= 75) return line;
  const chars = Array.from(line);
  if (chars.length <= 75) return line;
  const parts: string[] = [chars.slice(0, 75).join('')];
  for (let i = 75; i < chars.length; i += 74) parts.push(chars.slice(i, i + 74).join(''));
  return parts.join('\r\n\t');
}
