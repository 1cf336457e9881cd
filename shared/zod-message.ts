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
