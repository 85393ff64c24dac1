/** Reading, printing and rewriting a space's inbound ruleset (trusted IP ranges). */
import type { InboundRule, InboundRuleset } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import { styledHeader } from './styled.js';

export async function getRuleset(api: ApiClient, space: string): Promise<InboundRuleset> {
  return api.get<InboundRuleset>(`/spaces/${seg(space)}/inbound-ruleset`);
}

/** PUTs the fetched ruleset back with new rules, as the heroku CLI does. */
export async function putRules(api: ApiClient, space: string, ruleset: InboundRuleset, rules: InboundRule[]): Promise<InboundRuleset> {
  return api.put<InboundRuleset>(`/spaces/${seg(space)}/inbound-ruleset`, { ...ruleset, rules });
}

export function appliedText(ruleset: Pick<InboundRuleset, 'applied'>): string | undefined {
  if (ruleset.applied === true) return 'Trusted IP rules are applied to this space.';
  if (ruleset.applied === false) return 'Trusted IP rules are not yet applied to this space.';
  return undefined;
}

export function rulesetText(space: string, ruleset: InboundRuleset): string {
  const lines = [styledHeader('Trusted IP Ranges')];
  if (ruleset.rules.length === 0) lines.push(`${space} has no trusted IP ranges. All inbound web requests to dynos are blocked.`);
  else lines.push(...ruleset.rules.map((r) => r.source));
  const applied = appliedText(ruleset);
  if (applied !== undefined) lines.push('', applied);
  return lines.join('\n');
}
