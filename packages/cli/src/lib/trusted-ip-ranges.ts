/** Edits to a space's inbound ruleset, with the heroku CLI's messages. */
import type { InboundRule } from '@cove/schema';
import { CliError } from './cli-error.js';

export function withRangeAdded(rules: readonly InboundRule[] | undefined, source: string): InboundRule[] {
  if (!Array.isArray(rules) || rules.some((r) => r.source === source)) {
    throw new CliError(`A rule already exists for ${source}.`);
  }
  return [...rules, { action: 'allow', source }];
}

export function withRangeRemoved(rules: readonly InboundRule[] | undefined, source: string): InboundRule[] {
  if (!Array.isArray(rules) || rules.length === 0) throw new CliError('No IP ranges are configured. Nothing to do.');
  const kept = rules.filter((r) => r.source !== source);
  if (kept.length === rules.length) throw new CliError(`No IP range matching ${source} was found.`);
  return kept;
}
