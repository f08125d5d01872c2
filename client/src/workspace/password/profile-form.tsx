import { useEffect, useState, type FormEvent } from 'react';
import type { TAccountProfile } from '@convene/shared';
import { adminRequest } from '../api/admin-request';
import { ErrorNotice } from '../components/errors';
import { useAdminTranslation } from '../i18n/admin-translation';
import type { ApiError } from '../../common/api/http';

/** The name briefs give for this coordinator ("frozen by …"), never their email address. */
export function ProfileForm() {
  const { t } = useAdminTranslation();
  const [name, setName] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void adminRequest<TAccountProfile>('/api/admin/account/profile', (s) => s.ZAccountProfile, {
      signal: controller.signal,
    }).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setName(result.data.displayName ?? '');
      else setError(result.error);
      setLoaded(true);
    });
    return () => controller.abort();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    const result = await adminRequest<TAccountProfile>('/api/admin/account/profile', (s) => s.ZAccountProfile, {
      method: 'PUT',
      body: { displayName: name.trim() || null },
    });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setName(result.data.displayName ?? '');
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <section aria-labelledby="profile-title" className="page-section">
      <h2 id="profile-title">{t('admin.profile.title')}</h2>
      <p role="status" className="notice notice-success" hidden={!saved} data-testid="profile-saved">
        {saved ? t('admin.profile.saved') : ''}
      </p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="profile-form">
        {error && <ErrorNotice error={error} />}
        <div className="field">
          <label htmlFor="profile-display-name">{t('admin.profile.displayName')}</label>
          <p id="profile-display-name-hint" className="hint">
            {t('admin.profile.hint')}
          </p>
          <input
            id="profile-display-name"
            name="displayName"
            type="text"
            autoComplete="name"
            maxLength={120}
            value={name}
            disabled={!loaded}
            onChange={(e) => setName(e.target.value)}
            aria-describedby="profile-display-name-hint"
          />
        </div>
        <button type="submit" className="button" disabled={busy || !loaded} aria-disabled={busy || !loaded}>
          {busy ? t('admin.accountLifecycle.account.submitting') : t('admin.profile.submit')}
        </button>
      </form>
    </section>
  );
}
