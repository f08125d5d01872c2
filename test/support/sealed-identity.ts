import { randomUUID } from 'node:crypto';
import { createReporterKey, sealIdentity, type NewReporterKey, type ReporterIdentity } from '@convene/shared/crypto';
import { tables, type Db } from '@convene/shared/db';

/**
 * A reporter key made as an admin's browser makes it (Node's WebCrypto runs the same code),
 * stored directly, for tests that need named reports sealed to a real key.
 */
export async function insertReporterKey(db: Db, passphrase = 'correct horse battery staple'): Promise<NewReporterKey> {
  const key = await createReporterKey(randomUUID(), passphrase);
  await db
    .insert(tables.reporterKeys)
    .values({ id: key.id, publicKey: key.publicKey, wrappedPrivateKey: key.privateKey });
  return key;
}

/**
 * A named reporter as the form sends one: organization in clear, the rest sealed to `key`
 * (a key made here, or the public half as GET /api/reporter-key serves it).
 */
export async function sealedReporter(
  key: Pick<NewReporterKey, 'id' | 'publicKey'>,
  clientSubmissionId: string,
  organization: string,
  identity: Partial<ReporterIdentity>,
) {
  const envelope = await sealIdentity(
    { name: identity.name ?? '', email: identity.email ?? '', phone: identity.phone ?? '' },
    { kid: key.id, publicKey: key.publicKey },
    clientSubmissionId,
  );
  return { kind: 'named' as const, organization, identity: envelope };
}
