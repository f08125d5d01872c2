import { useId, type ReactNode } from 'react';
import { focusOnMount } from '../../common/components/focus-on-mount';

type Props = {
  /** The question, read when the focus enters the group. */
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
  busy: boolean;
  /** The confirm button's look: `button-danger` for what cannot be undone. */
  confirmClass?: string;
  /** The refusal of the last try, if any. */
  error?: ReactNode;
  testId?: string;
};

/**
 * The second step of an action, in place of its button: the question and two answers. The
 * focus goes to the answer that changes nothing, so a second Enter does no harm.
 */
export function InPlaceConfirmation(props: Props) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-question`} className="in-place-confirmation" data-testid={props.testId}>
      <div id={`${id}-question`} className="in-place-question">
        {props.question}
      </div>
      <div className="button-row">
        <button
          type="button"
          className={`button button-small ${props.confirmClass ?? ''}`.trim()}
          aria-disabled={props.busy || undefined}
          onClick={() => {
            if (!props.busy) props.onConfirm();
          }}
          data-testid="confirm-action"
        >
          {props.confirmLabel}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          ref={focusOnMount}
          onClick={props.onKeep}
          data-testid="keep-action"
        >
          {props.keepLabel}
        </button>
      </div>
      {props.error}
    </div>
  );
}
