import express, { Router } from 'express';
import type { AppContext } from '../../context.js';
import {
  findContactByUnsubscribeToken,
  unsubscribeContact,
} from '../../services/contacts-subscription/unsubscribe-contact.js';
import { unsubscribePage } from './unsubscribe-page.js';

/**
 * GET /unsubscribe/:token shows a one-button page (a GET never unsubscribes: mail scanners
 * follow links); POST unsubscribes — the page's button, or a mail client's RFC 8058
 * one-click POST with body "List-Unsubscribe=One-Click". Mounted at /unsubscribe and
 * /api/unsubscribe.
 */
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
          contact?.language ?? 'en',
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
      .send(unsubscribePage(contact?.language ?? 'en', ok ? 'done' : 'invalid'));
  });
  return router;
}
