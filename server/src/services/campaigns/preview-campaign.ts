import { LANGUAGES, type TCampaignPreview, type TCreateCampaign } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { renderInvitationFor } from '@convene/worker/render';
import { and, count, eq, exists, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { mailable, segmentCondition } from './audience.js';
import { inertPreview, PREVIEW_CONTACT_ID, PREVIEW_TOKEN } from './inert-preview.js';

/** How many contacts a segment reaches, and the invitation as each language group will read it. */
export async function previewCampaign(
  db: Db,
  input: TCreateCampaign,
  settings: { publicUrl: string; mailFrom: string },
): Promise<TCampaignPreview> {
  const c = tables.contacts;
  const [webinar] = await db.select().from(tables.webinars).where(eq(tables.webinars.id, input.webinarId));
  if (!webinar) throw AppError.notFound('Webinar');
  const segment = segmentCondition(input.segment);
  const byLanguage = await db
    .select({ language: c.language, n: count() })
    .from(c)
    .where(and(mailable(), segment))
    .groupBy(c.language);
  const [unsubscribed] = await db
    .select({ n: count() })
    .from(c)
    .where(and(segment, isNotNull(c.unsubscribedAt)));
  const [undeliverable] = await db
    .select({ n: count() })
    .from(c)
    .where(and(segment, isNotNull(c.undeliverableAt)));

  const n = tables.notifications;
  const [alreadyInvited] = await db
    .select({ n: count() })
    .from(c)
    .where(
      and(
        mailable(),
        segment,
        exists(
          db
            .select({ one: sql`1` })
            .from(n)
            .where(and(eq(n.kind, 'invitation'), eq(n.webinarId, webinar.id), eq(n.contactId, c.id))),
        ),
      ),
    );

  const languages = [];
  for (const language of LANGUAGES) {
    const group = byLanguage.find((g) => g.language === language);
    if (!group) continue;
    const [sample] = await db
      .select()
      .from(c)
      .where(and(mailable(), segment, eq(c.language, language)))
      .limit(1);
    if (!sample) continue;
    // A stand-in for the sample: its language, zone and name, but no id or token of a real
    // contact, so no link of the preview can register or unsubscribe anybody.
    const standIn = { ...sample, id: PREVIEW_CONTACT_ID, unsubscribeToken: PREVIEW_TOKEN };
    const mail = inertPreview(renderInvitationFor(webinar, standIn, settings));
    languages.push({ language, count: group.n, subject: mail.subject, text: mail.text, html: mail.html });
  }
  return {
    audience: byLanguage.reduce((sum, g) => sum + g.n, 0),
    excluded: {
      unsubscribed: unsubscribed?.n ?? 0,
      undeliverable: undeliverable?.n ?? 0,
      alreadyInvited: alreadyInvited?.n ?? 0,
    },
    languages,
  };
}
