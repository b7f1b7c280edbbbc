import type { RoleOption } from './browsedActivity.ts';

/**
 * How a quote names its source wherever the workspace offers it for a finding (issue 15, item
 * 4): the activity, the response's number within it and the person's role in words, e.g.
 * "Practitioners survey, response 12, Social worker". Enough to cite and to find the response
 * again; nothing that identifies the person.
 */
export function quoteSourceText(
  activity: { title: string; noun: string; roles: readonly RoleOption[] },
  quote: { responseNumber: number; role: string },
): string {
  const role = activity.roles.find((r) => r.value === quote.role)?.label ?? 'role not given';
  return `${activity.title}, ${activity.noun.toLowerCase()} ${quote.responseNumber}, ${role}`;
}
