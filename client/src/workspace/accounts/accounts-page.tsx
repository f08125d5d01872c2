import type { TAccount } from '@convene/shared';
import { Fragment, useState } from 'react';
import { listAccounts } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { AccountEditor } from './account-editor';
import { InvitationActions } from './invitation-actions';
import { InviteForm } from './invite-form';

function accountStatus(account: TAccount): 'invited' | 'active' | 'inactive' {
  if (account.invited) return 'invited';
  return account.active ? 'active' : 'inactive';
}

/** /admin/accounts (admins): who may use the workspace, with which role and scope; invitations. */
export function AccountsPage() {
  const { t } = useAdminTranslation();
  const { zoneName } = useInstantFormat();
  const labels = useLabels();
  const [accounts, reload, update] = useResource('accounts', (signal) => listAccounts(signal));
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const replace = (account: TAccount) =>
    update((list) =>
      list.some((a) => a.id === account.id) ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account],
    );

  return (
    <div className="accounts-page">
      <PageTitle>{t('admin.accounts.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.accounts.title')}</h1>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('admin.accounts.refresh')}
        </button>
      </div>
      <p className="lead">{t('admin.accounts.intro')}</p>
      <p role="status" className="notice notice-success" hidden={!message}>
        {message}
      </p>
      {accounts.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {accounts.state === 'failed' && <ErrorNotice error={accounts.error} onRetry={reload} />}
      {accounts.state === 'ok' && accounts.data.length === 0 && <p>{t('admin.accounts.empty')}</p>}
      {accounts.state === 'ok' && accounts.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="accounts-table">
            <caption className="visually-hidden">{t('admin.accounts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.accounts.email')}</th>
                <th scope="col">{t('admin.accounts.role')}</th>
                <th scope="col">{t('admin.accounts.regions')}</th>
                <th scope="col">{t('admin.accounts.themes')}</th>
                <th scope="col">{t('admin.accounts.status')}</th>
                <th scope="col">
                  {t('admin.accounts.lastLogin')}
                  <span className="visually-hidden"> ({zoneName})</span>
                </th>
                <th scope="col">
                  {t('admin.accounts.created')}
                  <span className="visually-hidden"> ({zoneName})</span>
                </th>
                <th scope="col">{t('admin.accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <Fragment key={a.id}>
                  <tr data-testid="account-row" data-email={a.email}>
                    <td dir="ltr">{a.email}</td>
                    <td>{t(`admin.roles.${a.role}`)}</td>
                    <td>
                      {a.regionScope ? labels.list(a.regionScope.map(labels.region)) : t('admin.accounts.allRegions')}
                    </td>
                    <td>
                      {a.themeScope ? labels.list(a.themeScope.map(labels.theme)) : t('admin.accounts.allThemes')}
                    </td>
                    <td data-testid="account-status">{t(`admin.accounts.statuses.${accountStatus(a)}`)}</td>
                    <td className="nowrap">
                      {a.lastLoginAt ? <Instant value={a.lastLoginAt} /> : t('admin.accounts.never')}
                    </td>
                    <td className="nowrap">
                      <Instant value={a.createdAt} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-expanded={editing === a.id}
                        aria-label={t('admin.accounts.editLabel', { email: a.email })}
                        onClick={() => {
                          setMessage(null);
                          setEditing(editing === a.id ? null : a.id);
                        }}
                      >
                        {t('admin.accounts.edit')}
                      </button>
                      <InvitationActions
                        account={a}
                        onDone={(saved, text) => {
                          replace(saved);
                          setMessage(text);
                        }}
                      />
                    </td>
                  </tr>
                  {editing === a.id && (
                    <tr>
                      <td colSpan={8}>
                        <AccountEditor
                          key={a.id}
                          account={a}
                          onSaved={(saved, text) => {
                            replace(saved);
                            setMessage(text);
                          }}
                          onClose={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InviteForm
        onInvited={(account) => {
          setMessage(null);
          replace(account);
        }}
      />
    </div>
  );
}
