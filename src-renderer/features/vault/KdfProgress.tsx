/**
 * Progress while the key is derived. Argon2 cannot report how far it is, but the engine says how
 * long it should take on this machine (`expectedMs`), so the bar moves honestly toward 95% in
 * that time and completes when the call returns.
 */
import { useEffect, useState } from 'react';
import { useProgress } from '../../state/session.js';
import { ProgressBar } from '../../components/feedback.js';

export function KdfProgress({ channel, label }: { channel: string; label: string }) {
  const event = useProgress(channel);
  const [since] = useState(() => performance.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, []);
  const expected = event?.expectedMs;
  const synthetic = expected
    ? { channel, phase: event.phase, done: Math.min(95, ((now - since) / expected) * 100), total: 100 }
    : event;
  return <ProgressBar event={synthetic} label={label} />;
}
