import { tables, type Db, type Tx } from '@convene/shared/db';
import type { Coordinator } from '../access/coordinator.js';

export type AuditEntry = {
  action: string;
  targetType:
    | 'report'
    | 'compilation'
    | 'webinar'
    | 'account'
    | 'campaign'
    | 'export'
    | 'contact'
    | 'theme'
    | 'consultation'
    | 'reporter_key';
  targetId?: string | null;
  /** What changed: ids, statuses, theme slugs, formats — never report text or personal data. */
  details?: Record<string, unknown>;
};

/** Records a coordinator action; inside the action's own transaction when there is one. */
export async function recordAudit(db: Db | Tx, actor: Pick<Coordinator, 'id' | 'email'>, entry: AuditEntry) {
  await db.insert(tables.auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
