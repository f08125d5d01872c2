import { BackLink } from '../components/back-link';
import { PrivacyLink } from '../components/privacy-link';
import { LeaveQuickly } from '../components/report/leave-quickly';
import { ReceiptCheck } from '../components/report/receipt-check';

/** /report/status: a reporter checks where their report is in review, by its receipt code. */
export function ReceiptPage() {
  return (
    <div className="receipt-page">
      <LeaveQuickly />
      <BackLink href="/report" />
      <ReceiptCheck />
      <p className="hint">
        <PrivacyLink long />
      </p>
    </div>
  );
}
