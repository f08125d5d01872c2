import { BackLink } from '../components/back-link';
import { ReceiptCheck } from '../components/report/receipt-check';

/** /report/status: a reporter checks where their report is in review, by its receipt code. */
export function ReceiptPage() {
  return (
    <div className="receipt-page">
      <BackLink href="/report" />
      <ReceiptCheck />
    </div>
  );
}
