import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ZIdentityEnvelope } from '../schemas/reporter-key.js';
import { openIdentity, sealIdentity, type IdentityEnvelope } from './identity-envelope.js';
import { createReporterKey, unwrapReporterKey, type NewReporterKey } from './reporter-key-pair.js';

const PASSPHRASE = 'the coalition keeps this one';
const IDENTITY = { name: 'Amina Diallo — أمينة', email: 'amina@example.org', phone: '+221 77 123 45 67' };

async function keyAndPrivate(): Promise<{
  key: NewReporterKey;
  privateKey: Awaited<ReturnType<typeof unwrapReporterKey>>;
}> {
  const key = await createReporterKey(randomUUID(), PASSPHRASE);
  return { key, privateKey: await unwrapReporterKey(key.id, key.privateKey, PASSPHRASE) };
}

const flip = (b64: string, at: number) => {
  const chars = [...b64];
  chars[at] = chars[at] === 'A' ? 'B' : 'A';
  return chars.join('');
};

describe('identity envelope v1 (Node WebCrypto, as in the browser)', () => {
  it('opens, with the unwrapped private key, what was sealed to the public key; the server schema accepts it', async () => {
    const { key, privateKey } = await keyAndPrivate();
    const submission = randomUUID();
    const envelope = await sealIdentity(IDENTITY, { kid: key.id, publicKey: key.publicKey }, submission);
    expect(ZIdentityEnvelope.parse(envelope)).toEqual(envelope);
    expect(JSON.stringify(envelope)).not.toContain('amina');
    expect(await openIdentity(envelope, privateKey, submission)).toEqual(IDENTITY);
  });

  it('uses a fresh ephemeral key and IV per seal', async () => {
    const { key } = await keyAndPrivate();
    const submission = randomUUID();
    const a = await sealIdentity(IDENTITY, { kid: key.id, publicKey: key.publicKey }, submission);
    const b = await sealIdentity(IDENTITY, { kid: key.id, publicKey: key.publicKey }, submission);
    expect(a.epk).not.toEqual(b.epk);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses a tampered ciphertext, another report (AAD), a relabelled kid and another key', async () => {
    const { key, privateKey } = await keyAndPrivate();
    const submission = randomUUID();
    const envelope = await sealIdentity(IDENTITY, { kid: key.id, publicKey: key.publicKey }, submission);
    const tampered: IdentityEnvelope = { ...envelope, ct: flip(envelope.ct, 3) };
    await expect(openIdentity(tampered, privateKey, submission)).rejects.toThrow();
    await expect(openIdentity(envelope, privateKey, randomUUID())).rejects.toThrow();
    await expect(openIdentity({ ...envelope, kid: randomUUID() }, privateKey, submission)).rejects.toThrow();
    const other = await keyAndPrivate();
    await expect(openIdentity(envelope, other.privateKey, submission)).rejects.toThrow();
  });

  it('unwraps the private key only with its passphrase and its own id', async () => {
    const key = await createReporterKey(randomUUID(), PASSPHRASE);
    expect(key.privateKey).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 600_000 });
    await expect(unwrapReporterKey(key.id, key.privateKey, 'not the passphrase')).rejects.toThrow();
    await expect(unwrapReporterKey(randomUUID(), key.privateKey, PASSPHRASE)).rejects.toThrow();
    await expect(unwrapReporterKey(key.id, key.privateKey, PASSPHRASE)).resolves.toBeDefined();
  });
});
