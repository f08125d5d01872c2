/*
 * The strength rule for a reporter key's passphrase. PBKDF2 slows each guess down, but a short
 * passphrase stays guessable offline by whoever copies the database; 12 characters is the
 * floor the page states, a few unrelated words are better.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseProblem = 'tooShort' | 'mismatch' | 'notAcknowledged';

/** The first thing wrong with a new passphrase, or null when it can be used. */
export function passphraseProblem(
  passphrase: string,
  confirmation: string,
  acknowledged: boolean,
): PassphraseProblem | null {
  // Counted in code points, as a reader counts characters (an emoji is one).
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  if (passphrase !== confirmation) return 'mismatch';
  if (!acknowledged) return 'notAcknowledged';
  return null;
}
