import { forwardRef, type MouseEvent } from 'react';
import { useTranslation } from '../i18n/use-translation';

export type SummaryItem = {
  /** The id of the control to jump to; absent for errors about the whole form. */
  targetId?: string;
  /** The field's label, shown before the message so generic messages stay clear. */
  label?: string;
  text: string;
};

type Props = { items: SummaryItem[] };

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  // Focus, not just scroll: the reader should be able to type straight away.
  event.preventDefault();
  document.getElementById(id)?.focus();
}

/**
 * The list of problems above a form. It takes focus after a failed submit so screen reader
 * and keyboard users land on it; each item moves focus to its field.
 */
// forwardRef, not a `ref` prop: the bundle runs on Preact 10, which (like React 18) keeps `ref`
// out of a function component's props.
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ items }, ref) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title" className="error-summary-title">
        {t('form.errorSummary')}
      </h3>
      <ul>
        {items.map((item, i) => {
          const content = (
            <>
              {item.label && <span className="error-summary-field">{item.label}</span>} {item.text}
            </>
          );
          const { targetId } = item;
          return (
            <li key={targetId ?? `form-${i}`}>
              {targetId ? (
                <a href={`#${targetId}`} onClick={(e) => focusField(e, targetId)}>
                  {content}
                </a>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
