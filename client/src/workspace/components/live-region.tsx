import { useCallback, useState, type ReactNode } from 'react';

/**
 * A polite live region for short confirmations ("Saved.", "New report from Africa"). Each
 * message replaces the node inside, so the same text said twice is announced twice.
 */
export function useAnnouncer(): [(text: string) => void, ReactNode] {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  const region = (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message.text && <p key={message.n}>{message.text}</p>}
    </div>
  );
  return [announce, region];
}
