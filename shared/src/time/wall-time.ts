/*
 * Wall-clock times in a zone ↔ instants: what scheduling a webinar at "14:00 in Nairobi" needs.
 * Apart from zones.ts because public pages only display instants: the browser bundles keep
 * this code for the pages that convert (the coordinator workspace), not for every visitor.
 */
/** The offset of a zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time in a zone (e.g. 14:00 in Africa/Nairobi). */
export function wallTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let guess = naive - zoneOffsetMinutes(zone, new Date(naive)) * 60_000;
  // A second pass settles the offset when the first guess crossed a DST change.
  guess = naive - zoneOffsetMinutes(zone, new Date(guess)) * 60_000;
  return new Date(guess);
}
