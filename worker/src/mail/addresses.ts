/** The bare address of a "Name <address>" sender, for the .ics ORGANIZER. */
export function bareAddress(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

/** The display name of a "Name <address>" sender. */
export function displayName(from: string): string {
  const match = /^\s*"?([^"<]+?)"?\s*</.exec(from);
  return match?.[1]?.trim() ?? 'Convene';
}
