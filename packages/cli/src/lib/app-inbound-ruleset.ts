/**
 * Reading, printing and rewriting an app's own inbound ruleset (`/apps/:app/inbound-ruleset`,
 * beyond Heroku): public traffic must pass its space's trusted IP ranges and then these.
 */
import type { InboundRule } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { appLabel, styledHeader } from './styled.js';

export interface AppInboundRuleset {
  id: string;
  app: { id: string; name: string };
  rules: InboundRule[];
  created_at: string;
  created_by: string;
}

/** The app's ruleset; null when it has none (only its space's rules apply). */
export async function getAppRuleset(api: ApiClient, app: string): Promise<AppInboundRuleset | null> {
  try {
    return await api.get<AppInboundRuleset>(`/apps/${seg(app)}/inbound-ruleset`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.resource === 'inbound_ruleset') return null;
    throw error;
  }
}

export async function putAppRules(api: ApiClient, app: string, rules: InboundRule[]): Promise<AppInboundRuleset> {
  return api.put<AppInboundRuleset>(`/apps/${seg(app)}/inbound-ruleset`, { rules });
}

export function appRulesetText(app: string, ruleset: AppInboundRuleset | null): string {
  const lines = [styledHeader(`${appLabel(app)} Trusted IP Ranges`)];
  if (ruleset === null) lines.push(`${appLabel(app)} has no trusted IP ranges of its own. Only its space's trusted IP ranges apply.`);
  else if (ruleset.rules.length === 0) lines.push(`${appLabel(app)} has no trusted IP ranges. All inbound web requests to it are blocked.`);
  else lines.push(...ruleset.rules.map((r) => (r.action === 'allow' ? r.source : `${r.source} (deny)`)));
  return lines.join('\n');
}
