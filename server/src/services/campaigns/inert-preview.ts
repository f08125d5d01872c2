/** The id and unsubscribe token of the stand-in contact a campaign preview is rendered for. */
export const PREVIEW_CONTACT_ID = '00000000-0000-0000-0000-000000000000';
export const PREVIEW_TOKEN = 'preview';

type Rendered = { subject: string; text: string; html: string };

/**
 * A preview's links shown as examples: the invitation token (signed for the stand-in, so
 * worthless anyway) reads "preview", and the HTML version's anchors lose their href, so
 * that nothing in a preview can be followed, whatever page shows it.
 */
export function inertPreview<T extends Rendered>(mail: T): T {
  const placeholder = (s: string) => s.replace(/([?&]invite=)[^&\s"'<>]+/g, `$1${PREVIEW_TOKEN}`);
  return {
    ...mail,
    text: placeholder(mail.text),
    html: placeholder(mail.html).replace(/(<a\b[^>]*?)\s+href="[^"]*"/g, '$1'),
  };
}
