import {
  ZConfirmErasure,
  englishError,
  fieldErrorsFromZod,
  ZContactExportFilter,
  ZContactFilter,
  ZUpdateContact,
  ZUuid,
  type TApiError,
  type TUpdateContact,
} from '@convene/shared';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { contactScope } from '../../services/access/region-scope.js';
import { importContacts } from '../../services/contacts/import-contacts.js';
import { listContacts } from '../../services/contacts/list-contacts.js';
import { CsvImportError } from '../../services/contacts/read-contacts-csv.js';
import { updateContact } from '../../services/contacts/update-contact.js';
import { deleteContact } from '../../services/contacts/delete-contact.js';
import { eraseContact } from '../../services/contacts/erase-contact.js';
import { renderContactsCsv } from '../../services/contacts/render-contacts-csv.js';
import { recordAudit } from '../../services/audit/record-audit.js';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv'];

/**
 * The raw upload, at most 10 MB, decoded by the import itself (it must refuse what is not
 * UTF-8). A wrong content type is a 415, a bigger file a 413 in the CSV error shape.
 */
const csvBody: RequestHandler = (req, res, next) => {
  // null: no body at all, which the import reports as an empty file.
  if (req.is(CSV_TYPES) === false) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as CSV with Content-Type: text/csv');
  }
  rawCsv(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(new CsvImportError(413, 'csv_too_large', 'The file is larger than 10 MB: split it. Nothing was imported.'));
      return;
    }
    next(err);
  });
};
const rawCsv = express.raw({ type: CSV_TYPES, limit: '10mb' });

/** CSV errors carry the lines they are about, which the shared error handler does not know of. */
const csvErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (!(err instanceof CsvImportError)) return next(err);
  const body: TApiError = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.lines ? { lines: err.lines } : {}),
    },
  };
  res.status(err.status).json(body);
};

/** /api/admin/contacts — the member networks' contacts: list, edit, import from CSV. */
export function contactsRouter(ctx: AppContext): Router {
  const router = Router();
  const onlyUnscoped: RequestHandler = (_req, res, next) => {
    if (coordinatorOf(res).regionScope)
      throw new AppError(403, 'forbidden', 'Imports are for coordinators of every region');
    next();
  };

  router.get('/', async (req, res) => {
    // Express 5's req.query is read-only: the parsed filter stays local.
    const filter = ZContactFilter.safeParse(req.query);
    if (!filter.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some filters are invalid',
        fieldErrorsFromZod(filter.error, englishError),
      );
    }
    res.json(await listContacts(ctx.db, filter.data, contactScope(coordinatorOf(res))));
  });

  router.get('/export.csv', async (req, res) => {
    const filter = ZContactExportFilter.safeParse(req.query);
    if (!filter.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some filters are invalid',
        fieldErrorsFromZod(filter.error, englishError),
      );
    }
    const coordinator = coordinatorOf(res);
    const { csv, rows } = await renderContactsCsv(ctx.db, filter.data, contactScope(coordinator));
    // Filter names only: a search text may be part of someone's address.
    await recordAudit(ctx.db, coordinator, {
      action: 'contact.export',
      targetType: 'export',
      details: { rows, filters: Object.keys(filter.data).sort() },
    });
    res
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="contacts.csv"',
        'Cache-Control': 'no-store',
      })
      .send(csv);
  });

  router.patch('/:id', validateParam('id', ZUuid, 'Contact'), validateBody(ZUpdateContact), async (req, res) => {
    const contact = await updateContact(
      ctx.db,
      req.params.id as string,
      req.body as TUpdateContact,
      coordinatorOf(res),
    );
    ctx.logger.info({ contactId: contact.id }, 'contact updated');
    res.json({ contact });
  });

  router.delete('/:id', validateParam('id', ZUuid, 'Contact'), async (req, res) => {
    const id = req.params.id as string;
    await deleteContact({ db: ctx.db, dataDir: ctx.env.DATA_DIR, privacyKey: ctx.privacyKey }, id, coordinatorOf(res));
    ctx.logger.info({ contactId: id }, 'contact deleted');
    res.status(204).end();
  });

  // Erasure at the person's request: admins only, and only with the page's second step.
  router.post(
    '/:id/erase',
    requireAdmin,
    validateParam('id', ZUuid, 'Contact'),
    validateBody(ZConfirmErasure),
    async (req, res) => {
      const id = req.params.id as string;
      await eraseContact({ db: ctx.db, dataDir: ctx.env.DATA_DIR, privacyKey: ctx.privacyKey }, id, coordinatorOf(res));
      ctx.logger.info({ contactId: id }, 'contact erased on request');
      res.status(204).end();
    },
  );

  // An import may hold any country: coordinators of every region only.
  router.post('/import', onlyUnscoped, csvBody, async (req, res) => {
    const upload = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await importContacts(ctx.db, upload, ctx.privacyKey);
    // Counts only: no addresses or names in the logs or the audit log.
    const counts = {
      imported: result.imported,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected.length,
      duplicates: result.duplicates.length,
    };
    ctx.logger.info(counts, 'contacts imported');
    await recordAudit(ctx.db, coordinatorOf(res), { action: 'contact.import', targetType: 'contact', details: counts });
    res.json(result);
  });

  router.use(csvErrors);
  return router;
}
