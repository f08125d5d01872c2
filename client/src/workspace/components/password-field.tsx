import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

/** What a caller may still set on the input (value and onChange when controlled, minLength, disabled…). */
type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'type' | 'autoComplete' | 'aria-invalid' | 'aria-describedby' | 'dir'
>;

/**
 * A labelled password (or e-mail) input of the workspace, with its hint and error tied to it
 * for screen readers: the password pages, an invitation, a reporter key's passphrase. Written
 * left to right whatever the page's direction (a secret is typed as it is, not mirrored).
 */
export function PasswordField({
  id,
  name,
  label,
  hint,
  error,
  errorAlert = false,
  errorTestId,
  autoComplete,
  type = 'password',
  required = true,
  inputRef,
  ...input
}: InputProps & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: string;
  error?: string | null;
  /** Announce the error as it appears (a field checked without a summary above it). */
  errorAlert?: boolean;
  errorTestId?: string;
  autoComplete: string;
  type?: 'password' | 'email';
  inputRef?: Ref<HTMLInputElement>;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role={errorAlert ? 'alert' : undefined} data-testid={errorTestId}>
          {error}
        </p>
      )}
      <input
        {...input}
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        dir="ltr"
      />
    </div>
  );
}

export const MIN_PASSWORD = 12;
