import type { ReportValues } from '../components/report/report-values';
import { deviceStore } from './device-store';

const DRAFT = 'draft:report';

/** The report being written, as last saved on this device. */
export async function loadDraft(): Promise<ReportValues | undefined> {
  return (await deviceStore()).get<ReportValues>(DRAFT);
}

export async function saveDraft(values: ReportValues): Promise<void> {
  await (await deviceStore()).set(DRAFT, values);
}

export async function clearDraft(): Promise<void> {
  await (await deviceStore()).delete(DRAFT);
}
