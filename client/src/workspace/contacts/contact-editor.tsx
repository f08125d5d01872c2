import { CATALOG_LANGUAGES, countryOptions, type TContact, type TLanguage } from '@convene/shared';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { updateContact } from './contacts-api';

type Values = {
  name: string;
  organization: string;
  country: string;
  language: TLanguage;
  timeZone: string;
  tags: string;
};

const valuesOf = (c: TContact): Values => ({
  name: c.name,
  organization: c.organization,
  country: c.country ?? '',
  language: c.language,
  timeZone: c.timeZone ?? '',
  tags: c.tags.join(', '),
});

/** Edits one contact (not its address: that is who the contact is). Focus moves here on open. */
export function ContactEditor({
  contact,
  onSaved,
  onClose,
}: {
  contact: TContact;
  onSaved: (contact: TContact) => void;
  onClose: () => void;
}) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const fieldError = useFieldErrorText();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [values, setValues] = useState<Values>(() => valuesOf(contact));
  const save = useAction(updateContact);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [contact.id]);

  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const errorOf = (key: string) => save.error?.fields?.[key]?.code;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(contact.id, {
      name: values.name,
      organization: values.organization,
      country: values.country || null,
      language: values.language,
      timeZone: values.timeZone.trim() || null,
      tags: values.tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    if (saved) onSaved(saved);
  };

  const field = (
    key: keyof Values,
    label: string,
    control: (describedBy: string | undefined) => ReactElement,
    hint?: string,
  ) => {
    const code = errorOf(key);
    const hintId = hint ? `contact-${key}-hint` : undefined;
    const errorId = code ? `contact-${key}-error` : undefined;
    return (
      <div className={`field${code ? ' field-invalid' : ''}`}>
        <label htmlFor={`contact-${key}`}>{label}</label>
        {hint && (
          <span id={hintId} className="hint">
            {hint}
          </span>
        )}
        {code && (
          <p id={errorId} className="field-error">
            {fieldError(code)}
          </p>
        )}
        {control([errorId, hintId].filter(Boolean).join(' ') || undefined)}
      </div>
    );
  };

  return (
    <section className="contact-editor panel" aria-labelledby="contact-editor-title" data-testid="contact-editor">
      <h2 id="contact-editor-title" tabIndex={-1} ref={heading}>
        {t('admin.contacts.editTitle', { email: contact.email })}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        {field('name', t('admin.contacts.name'), (d) => (
          <input
            id="contact-name"
            name="name"
            value={values.name}
            onChange={set('name')}
            aria-describedby={d}
            maxLength={200}
          />
        ))}
        {field('organization', t('admin.contacts.organization'), (d) => (
          <input
            id="contact-organization"
            name="organization"
            value={values.organization}
            onChange={set('organization')}
            aria-describedby={d}
            maxLength={200}
          />
        ))}
        {field('country', t('admin.contacts.country'), (d) => (
          <select
            id="contact-country"
            name="country"
            value={values.country}
            onChange={set('country')}
            aria-describedby={d}
          >
            <option value="">{t('admin.contacts.noCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        ))}
        {field('language', t('admin.contacts.language'), (d) => (
          <select
            id="contact-language"
            name="language"
            value={values.language}
            onChange={set('language')}
            aria-describedby={d}
          >
            {CATALOG_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {labels.language(l)}
              </option>
            ))}
          </select>
        ))}
        {field(
          'timeZone',
          t('admin.contacts.timeZone'),
          (d) => (
            <input
              id="contact-timeZone"
              name="timeZone"
              dir="ltr"
              value={values.timeZone}
              onChange={set('timeZone')}
              aria-describedby={d}
              maxLength={64}
            />
          ),
          t('admin.contacts.timeZoneHint'),
        )}
        {field(
          'tags',
          t('admin.contacts.tags'),
          (d) => (
            <input id="contact-tags" name="tags" value={values.tags} onChange={set('tags')} aria-describedby={d} />
          ),
          t('admin.contacts.tagsHint'),
        )}
        {save.error && !save.error.fields && <ErrorNotice error={save.error} />}
        <div className="button-row">
          <button type="submit" className="button" disabled={save.busy} data-testid="save-contact">
            {save.busy ? t('admin.saving') : t('admin.contacts.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('admin.contacts.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
