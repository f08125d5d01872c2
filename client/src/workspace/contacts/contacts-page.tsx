import {
  CATALOG_LANGUAGES,
  CONTACT_STATUSES,
  countryOptions,
  REGIONS,
  type TContact,
  type TContactList,
} from '@convene/shared';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { queryString } from '../api/endpoints';
import { DataTable, type Column } from '../components/data-table';
import { ErrorNotice } from '../components/errors';
import { FilterBar, type FilterField } from '../components/filter-bar';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { focusOnMount } from '../../common/components/focus-on-mount';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { useUrlFilters } from '../components/use-url-filters';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import { ContactEditor } from './contact-editor';
import { ContactImport } from './contact-import';
import {
  CONTACT_QUERY_KEYS,
  CONTACTS_PAGE_SIZE,
  contactsCsvUrl,
  deleteContact,
  eraseContact,
  listContacts,
  type ContactQuery,
} from './contacts-api';

const statusOf = (c: TContact) => (c.unsubscribed ? 'unsubscribed' : c.undeliverable ? 'undeliverable' : 'subscribed');

function Pagination({ list, page, query }: { list: TContactList; page: number; query: ContactQuery }) {
  const { t } = useAdminTranslation();
  const pages = Math.max(1, Math.ceil(list.total / CONTACTS_PAGE_SIZE));
  if (pages <= 1) return null;
  const hrefOf = (n: number) => `/contacts${queryString({ ...query, page: n === 1 ? undefined : String(n) })}`;
  return (
    <nav aria-label={t('admin.contacts.pagination')} className="pagination">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} rel="prev">
          {t('admin.contacts.previous')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span aria-current="page">{t('admin.contacts.page', { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefOf(page + 1)} rel="next">
          {t('admin.contacts.next')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

/**
 * /admin/contacts: the member networks' contacts — import a CSV and read its per-line report,
 * search and filter (kept in the address), edit, delete, export what the filters show.
 */
export function ContactsPage() {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const { values, search, apply } = useUrlFilters('/contacts', CONTACT_QUERY_KEYS);
  const query = values as ContactQuery;
  const page = Math.max(1, Number(new URLSearchParams(search).get('page')) || 1);
  const [list, reload, update] = useResource(`${queryString(query)}#${page}`, (signal) =>
    listContacts(query, page, signal),
  );
  const [editing, setEditing] = useState<TContact | null>(null);
  const [deleting, setDeleting] = useState<TContact | null>(null);
  // Erasure at the person's request (admins): the same second step, worded for what it does.
  const [erasing, setErasing] = useState<TContact | null>(null);
  const remove = useAction(deleteContact);
  const erase = useAction(eraseContact);
  const isAdmin = useUser().role === 'admin';
  const [announce, liveRegion] = useAnnouncer();
  const countries = useMemo(() => countryOptions(language), [language]);

  const fields: FilterField[] = [
    { kind: 'search', name: 'q', label: t('admin.contacts.q'), hint: t('admin.contacts.qHint'), wide: true },
    {
      kind: 'select',
      name: 'region',
      label: t('admin.contacts.region'),
      options: REGIONS.map((r) => ({ value: r, label: labels.region(r) })),
    },
    {
      kind: 'select',
      name: 'country',
      label: t('admin.contacts.country'),
      options: countries.map((c) => ({ value: c.code, label: c.name })),
    },
    {
      kind: 'select',
      name: 'language',
      label: t('admin.contacts.language'),
      options: CATALOG_LANGUAGES.map((l) => ({ value: l, label: labels.language(l) })),
    },
    { kind: 'text', name: 'tag', label: t('admin.contacts.tag'), maxLength: 64 },
    { kind: 'text', name: 'organization', label: t('admin.contacts.organization') },
    {
      kind: 'select',
      name: 'status',
      label: t('admin.contacts.status'),
      options: CONTACT_STATUSES.map((s) => ({ value: s, label: t(`admin.contacts.statuses.${s}`) })),
    },
  ];

  const columns: Column<TContact>[] = [
    { key: 'email', header: t('admin.contacts.email'), rowHeader: true, dir: 'ltr', cell: (c) => c.email },
    { key: 'name', header: t('admin.contacts.name'), dir: 'auto', cell: (c) => c.name },
    { key: 'organization', header: t('admin.contacts.organization'), dir: 'auto', cell: (c) => c.organization },
    {
      key: 'country',
      header: t('admin.contacts.country'),
      cell: (c) => (c.country ? labels.country(c.country) : t('admin.contacts.noCountry')),
    },
    { key: 'language', header: t('admin.contacts.language'), cell: (c) => labels.language(c.language) },
    { key: 'tags', header: t('admin.contacts.tags'), dir: 'auto', cell: (c) => labels.list(c.tags) },
    {
      key: 'status',
      header: t('admin.contacts.status'),
      testId: 'contact-status',
      cell: (c) => (
        <span className={`status-badge contact-${statusOf(c)}`}>{t(`admin.contacts.statuses.${statusOf(c)}`)}</span>
      ),
    },
  ];

  const confirmDelete = async () => {
    if (!deleting) return;
    const done = await remove.run(deleting.id);
    if (done === null) return;
    if (editing?.id === deleting.id) setEditing(null);
    setDeleting(null);
    announce(t('admin.contacts.deleted'));
    reload();
  };

  const confirmErase = async () => {
    if (!erasing) return;
    const done = await erase.run(erasing.id);
    if (done === null) return;
    if (editing?.id === erasing.id) setEditing(null);
    setErasing(null);
    announce(t('admin.contacts.erased'));
    reload();
  };

  return (
    <div className="contacts-page">
      <PageTitle>{t('admin.contacts.title')}</PageTitle>
      <h1>{t('admin.contacts.title')}</h1>
      {liveRegion}
      <ContactImport onImported={reload} />
      <FilterBar
        title={t('admin.contacts.filters')}
        fields={fields}
        values={query}
        onApply={apply}
        idPrefix="contacts-filter"
        testId="contact-filters"
      />
      <div className="list-toolbar">
        <p role="status" aria-live="polite" className="list-count" data-testid="contact-count">
          {list.state === 'loading' || (list.state === 'ok' && list.refreshing)
            ? t('admin.loading')
            : list.state === 'ok'
              ? t('admin.contacts.count', { total: list.data.total })
              : ''}
        </p>
        <a
          className="button button-secondary button-small"
          href={contactsCsvUrl(query)}
          download
          data-testid="export-contacts"
        >
          {t('admin.contacts.export')}
        </a>
      </div>
      {deleting && (
        <div
          role="alertdialog"
          aria-labelledby="delete-contact-text"
          className="notice confirm-delete"
          data-testid="confirm-delete"
        >
          <p id="delete-contact-text">{t('admin.contacts.confirmDelete', { email: deleting.email })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={remove.busy}
              onClick={confirmDelete}
              data-testid="confirm-delete-contact"
              // The choice that cannot be undone is not the one focused first.
            >
              {t('admin.contacts.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              ref={focusOnMount}
              onClick={() => {
                setDeleting(null);
                remove.clearError();
              }}
            >
              {t('admin.contacts.keep')}
            </button>
          </div>
          {remove.error && <ErrorNotice error={remove.error} />}
        </div>
      )}
      {erasing && (
        <div
          role="alertdialog"
          aria-labelledby="erase-contact-text"
          className="notice confirm-delete"
          data-testid="confirm-erase"
        >
          <p id="erase-contact-text">{t('admin.contacts.confirmErase', { email: erasing.email })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={erase.busy}
              onClick={confirmErase}
              data-testid="confirm-erase-contact"
            >
              {t('admin.contacts.confirmEraseYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              ref={focusOnMount}
              onClick={() => {
                setErasing(null);
                erase.clearError();
              }}
            >
              {t('admin.contacts.keep')}
            </button>
          </div>
          {erase.error && <ErrorNotice error={erase.error} />}
        </div>
      )}
      <DataTable
        caption={t('admin.contacts.title')}
        columns={columns}
        rows={list.state === 'ok' ? list.data.contacts : undefined}
        rowKey={(c) => c.id}
        refreshing={list.state === 'ok' && list.refreshing}
        error={list.state === 'failed' ? list.error : undefined}
        onRetry={reload}
        empty={t('admin.contacts.empty')}
        testId="contacts-table"
        rowProps={(c) => ({ 'data-testid': 'contact-row', 'data-contact-id': c.id })}
        rowActions={(c) => (
          <>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('admin.contacts.editLabel', { email: c.email })}
              data-testid="edit-contact"
              onClick={() => setEditing(c)}
            >
              {t('admin.contacts.edit')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('admin.contacts.deleteLabel', { email: c.email })}
              data-testid="delete-contact"
              onClick={() => {
                remove.clearError();
                setDeleting(c);
              }}
            >
              {t('admin.contacts.delete')}
            </button>
            {isAdmin && (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('admin.contacts.eraseLabel', { email: c.email })}
                data-testid="erase-contact"
                onClick={() => {
                  erase.clearError();
                  setDeleting(null);
                  setErasing(c);
                }}
              >
                {t('admin.contacts.erase')}
              </button>
            )}
          </>
        )}
      />
      {list.state === 'ok' && <Pagination list={list.data} page={page} query={query} />}
      {editing && (
        <ContactEditor
          key={editing.id}
          contact={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            update((l) => ({ ...l, contacts: l.contacts.map((c) => (c.id === saved.id ? saved : c)) }));
            setEditing(null);
            announce(t('admin.contacts.saved'));
          }}
        />
      )}
    </div>
  );
}
