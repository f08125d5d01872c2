import { CATALOG_LANGUAGES, isLanguage, type TLanguage } from '@convene/shared';
import express, { Router, type Request } from 'express';
import type { AppContext } from '../../context.js';
import {
  findContactByUnsubscribeToken,
  unsubscribeContact,
} from '../../services/contacts-subscription/unsubscribe-contact.js';
import { unsubscribePage } from './unsubscribe-page.js';
import { UNSUBSCRIBE_CSS } from './unsubscribe-style.js';

/**
 * The page's language: ?lang= (a link can name it), else the contact's, else the browser's
 * Accept-Language, else English — so even the invalid-link page speaks the reader's language.
 */
function pageLanguage(req: Request, contactLanguage: TLanguage | undefined): TLanguage {
  const asked = req.query.lang;
  if (isLanguage(asked)) return asked;
  if (contactLanguage) return contactLanguage;
  const accepted = req.acceptsLanguages(...CATALOG_LANGUAGES);
  return isLanguage(accepted) ? accepted : 'en';
}

/**
 * GET /unsubscribe/:token shows a one-button page (a GET never unsubscribes: mail scanners
 * follow links); POST unsubscribes — the page's button, or a mail client's RFC 8058
 * one-click POST with body "List-Unsubscribe=One-Click". Mounted at /unsubscribe and
 * /api/unsubscribe.
 */
/** The pages' stylesheet, at /unsubscribe/assets only (it is no API). */
export function unsubscribeAssetsRouter(): Router {
  const router = Router();
  router.get('/unsubscribe.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('text/css').send(UNSUBSCRIBE_CSS);
  });
  return router;
}

export function unsubscribeRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '2kb' }));
  router.get('/:token', async (req, res) => {
    const contact = await findContactByUnsubscribeToken(ctx.db, req.params.token as string);
    res
      .status(contact ? 200 : 404)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        unsubscribePage(
          pageLanguage(req, contact?.language),
          contact ? (contact.unsubscribedAt ? 'done' : 'ask') : 'invalid',
          req.originalUrl,
        ),
      );
  });
  router.post('/:token', async (req, res) => {
    const token = req.params.token as string;
    const contact = await findContactByUnsubscribeToken(ctx.db, token);
    const ok = await unsubscribeContact(ctx.db, token);
    if (ok) ctx.logger.info({ contactId: contact?.id }, 'contact unsubscribed');
    res
      .status(ok ? 200 : 404)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(unsubscribePage(pageLanguage(req, contact?.language), ok ? 'done' : 'invalid'));
  });
  return router;
}
