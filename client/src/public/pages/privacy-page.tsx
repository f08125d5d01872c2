import type { TPrivacyFacts } from '@convene/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from '../../common/i18n/use-translation';
import { fetchPrivacyFacts } from '../api/privacy';
import { TextsFailed } from '../components/texts-failed';
import { usePrivacyTranslation, type PrivacyKey } from '../i18n/privacy-translation';
import { DocumentTitle } from '../../common/components/document-title';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; facts: TPrivacyFacts };

/** One section of the notice: a heading and its paragraphs. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="privacy-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const MARK = '\u0000';

/** A sentence with the contact address in it as a mail link, kept left-to-right inside right-to-left text. */
function WithEmail({ text, email }: { text: string; email: string }) {
  const [before, after = ''] = text.split(MARK);
  return (
    <p>
      {before}
      <a href={`mailto:${email}`} dir="ltr">
        {email}
      </a>
      {after}
    </p>
  );
}

/**
 * `/privacy`: what is kept about whom, why, who sees it, for how long, and how to take it back —
 * with this deployment's controller, contact and configured retention periods.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { p, ready, failed, retry: retryTexts } = usePrivacyTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchPrivacyFacts(controller.signal).then(
      (result) => setState(result.ok ? { kind: 'loaded', facts: result.data } : { kind: 'failed' }),
      () => undefined,
    );
    return () => controller.abort();
  }, [attempt]);

  if (failed) return <TextsFailed retry={retryTexts} />;
  if (!ready || state.kind === 'loading') {
    return (
      <p role="status" className="status">
        {t('webinars.loading')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert" className="notice notice-error">
        <p>{p('loadError')}</p>
        <button type="button" className="button button-secondary" onClick={retry}>
          {t('webinars.retry')}
        </button>
      </div>
    );
  }
  const { controller, retention, consentVersions } = state.facts;
  const para = (key: PrivacyKey, vars?: Record<string, string | number>) => <p>{p(key, vars)}</p>;
  return (
    <article className="privacy-notice" data-testid="privacy-notice">
      <DocumentTitle>{`${p('title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{p('title')}</h1>
      <p className="lead">{p('intro')}</p>
      <Section id="privacy-who" title={p('who.title')}>
        {para('who.body', { controller: controller.name ?? p('coalition') })}
        <WithEmail text={p('who.email', { email: MARK })} email={controller.email} />
        {controller.address && para('who.address', { address: controller.address })}
      </Section>
      <Section id="privacy-registration" title={p('registration.title')}>
        {para('registration.what')}
        {para('registration.why')}
        {para('registration.who')}
        {para('registration.keep', { days: retention.registrantDays })}
      </Section>
      <Section id="privacy-anonymous" title={p('anonymous.title')}>
        {para('anonymous.what')}
        {para('anonymous.why')}
        {para('anonymous.who')}
        {para('anonymous.keep')}
      </Section>
      <Section id="privacy-named" title={p('named.title')}>
        {para('named.what')}
        {para('named.locked')}
        {para('named.who')}
        {para('named.keep', { days: retention.reporterDays })}
      </Section>
      <Section id="privacy-contacts" title={p('contacts.title')}>
        {para('contacts.body', { days: retention.contactDays })}
      </Section>
      <Section id="privacy-safety" title={p('safety.title')}>
        {para('safety.ip')}
        {para('safety.abuse')}
        {para('safety.cookies')}
      </Section>
      <Section id="privacy-rights" title={p('rights.title')}>
        {para('rights.registration')}
        {para('rights.report')}
        <p>
          <Link href="/report/status">{p('rights.receiptLink')}</Link>
        </p>
        <WithEmail text={p('rights.other', { email: MARK })} email={controller.email} />
      </Section>
      <Section id="privacy-versions" title={p('versions.title')}>
        {para('versions.body', {
          registration: consentVersions.registration,
          report: consentVersions.report,
        })}
      </Section>
    </article>
  );
}
