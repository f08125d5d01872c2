import { hasContent, type ReportValues } from '../components/report/report-values';
import { deviceStore } from './device-store';

const DRAFT = 'draft:report';

/** Set by "leave quickly": no draft is written again until the page is gone. */
let sealed = false;

/** The report being written, as last saved on this device. */
export async function loadDraft(): Promise<ReportValues | undefined> {
  return (await deviceStore()).get<ReportValues>(DRAFT);
}

/** Keeps the form on the device; an empty form is no draft, and leaves none behind. */
export async function saveDraft(values: ReportValues): Promise<void> {
  if (sealed) return;
  const store = await deviceStore();
  if (hasContent(values)) await store.set(DRAFT, values);
  else await store.delete(DRAFT);
}

export async function clearDraft(): Promise<void> {
  await (await deviceStore()).delete(DRAFT);
}

/** Removes the draft if it is the one of this report (it has arrived: nothing to keep writing). */
export async function clearDraftOf(clientSubmissionId: string): Promise<void> {
  const draft = await loadDraft();
  if (draft?.clientSubmissionId === clientSubmissionId) await clearDraft();
}

/**
 * Clears the draft and stops any later save (a debounced one still pending would otherwise
 * write the text back while the page is leaving).
 */
export async function sealAndClearDraft(): Promise<void> {
  sealed = true;
  await clearDraft();
}
