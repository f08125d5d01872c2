import type { TAccount, TRegion, TRole } from '@convene/shared';
import { useState } from 'react';
import { updateAccount } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { ScopeFields, scopeBody, type Scope } from './scope-fields';

/** Changes one account's role and scope, or (de)activates it. A refusal (own account…) is shown. */
export function AccountEditor({
  account,
  onSaved,
  onClose,
}: {
  account: TAccount;
  onSaved: (account: TAccount, message: string) => void;
  onClose: () => void;
}) {
  const { t } = useAdminTranslation();
  const [role, setRole] = useState<TRole>(account.role);
  const [scope, setScope] = useState<Scope>({
    regions: (account.regionScope ?? []) as TRegion[],
    themes: account.themeScope ?? [],
  });
  const save = useAction(updateAccount);
  const prefix = `account-${account.id}`;

  const onSave = async () => {
    const saved = await save.run(account.id, { role, ...scopeBody(scope) });
    if (saved) onSaved(saved, t('admin.accounts.saved', { email: saved.email }));
  };

  const onActive = async () => {
    const saved = await save.run(account.id, { active: !account.active });
    if (saved) {
      onSaved(
        saved,
        t(saved.active ? 'admin.accounts.activated' : 'admin.accounts.deactivated', { email: saved.email }),
      );
    }
  };

  return (
    <section className="account-editor" aria-labelledby={`${prefix}-title`} data-testid="account-editor">
      <h3 id={`${prefix}-title`}>{t('admin.accounts.editTitle', { email: account.email })}</h3>
      {save.error && <ErrorNotice error={save.error} />}
      <div className="field">
        <label htmlFor={`${prefix}-role`}>{t('admin.accounts.role')}</label>
        <select id={`${prefix}-role`} value={role} onChange={(e) => setRole(e.target.value as TRole)}>
          <option value="coordinator">{t('admin.roles.coordinator')}</option>
          <option value="admin">{t('admin.roles.admin')}</option>
        </select>
      </div>
      <ScopeFields idPrefix={prefix} scope={scope} onChange={setScope} />
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={save.busy}
          aria-disabled={save.busy}
          onClick={() => void onSave()}
        >
          {save.busy ? t('admin.saving') : t('admin.accounts.save')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={save.busy}
          aria-disabled={save.busy}
          onClick={() => void onActive()}
          data-testid="account-toggle-active"
        >
          {account.active ? t('admin.accounts.deactivate') : t('admin.accounts.activate')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t('admin.accounts.close')}
        </button>
      </div>
    </section>
  );
}
