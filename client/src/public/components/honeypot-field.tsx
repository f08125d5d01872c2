import { HONEYPOT_FIELD } from '@convene/shared';
import { useTranslation } from '../../common/i18n/use-translation';

type Props = { id: string; value: string; onChange: (value: string) => void };

/**
 * The trap field of the public forms: out of sight, out of the tab order and of assistive
 * technologies, never autofilled. People leave it empty; scripts that fill every input do
 * not, and the server refuses their request (server/src/middlewares/honeypot.ts).
 */
export function HoneypotField({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={id}>{t('formLimits.trapLabel')}</label>
      <input
        id={id}
        name={HONEYPOT_FIELD}
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
