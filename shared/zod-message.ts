/**
 * One sentence for the first problem zod found, naming the field: "caseId: must be a record id
 * (UUID)." Used by the engine's parseInput and by main's IPC router, so that a bad call reads
 * the same wherever it is caught. Never echoes the value itself (it may be personal data).
 */
import type { z } from 'zod';

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'input: is not valid.';
  const field = issue.path.length ? issue.path.map(String).join('.') : 'input';
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = 'is required';
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown field(s): ${(issue as { keys: string[] }).keys.join(', ')}`;
  }
  return `${field}: ${message}.`.replace(/\.\.$/, '.');
}

/** The field an INVALID_INPUT sentence names, and what kind of problem it reports. */
export interface InvalidField {
  /** the zod path, dot-joined: "country", "told.0" */
  path: string;
  reason: 'required' | 'too-long' | 'invalid';
  /** for too-long: the most characters allowed */
  max?: number;
}

/**
 * Reads back the field from a sentence made by describeZodError, so that the app can show the
 * problem on the field itself; null when the sentence names no field (or is not one of ours).
 */
export function invalidFieldOf(message: string): InvalidField | null {
  const m = /^([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*): (.*)$/s.exec(message);
  if (!m || m[1] === 'input') return null;
  const path = m[1]!;
  const reason = m[2]!;
  if (/^(is required|must not be empty)\b/.test(reason)) return { path, reason: 'required' };
  const tooLong = /^must be at most (\d+) characters/.exec(reason);
  if (tooLong) return { path, reason: 'too-long', max: Number(tooLong[1]) };
  return { path, reason: 'invalid' };
}
