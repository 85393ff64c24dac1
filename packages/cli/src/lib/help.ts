/** Help text in oclif's layout: description, USAGE, ARGUMENTS, FLAGS, EXAMPLES. */
import type { CommandDefinition, FlagSpec } from './command.js';

export function commandHelp(command: CommandDefinition): string {
  const flags = Object.entries(command.flags ?? {}).filter(([, f]) => f.hidden !== true);
  const args = command.args ?? [];
  const usage = [
    `cove ${command.id}`,
    ...args.map((a) => (a.required === true ? a.name.toUpperCase() : `[${a.name.toUpperCase()}]`)),
    ...(command.variadic === true && args.length === 0 ? ['...'] : []),
    ...(flags.length > 0 ? ['[flags]'] : []),
  ].join(' ');
  const sections = [command.description, '', 'USAGE', `  $ ${usage}`];
  if (args.length > 0) {
    sections.push('', 'ARGUMENTS');
    const w = Math.max(...args.map((a) => a.name.length));
    for (const a of args) sections.push(`  ${a.name.toUpperCase().padEnd(w)}  ${a.description}`);
  }
  if (flags.length > 0) {
    sections.push('', 'FLAGS');
    const labels = flags.map(([name, spec]) => flagLabel(name, spec));
    const w = Math.max(...labels.map((l) => l.length));
    flags.forEach(([, spec], i) => {
      const env = spec.env === undefined ? '' : ` [env: ${spec.env}]`;
      sections.push(`  ${(labels[i] ?? '').padEnd(w)}  ${spec.description}${env}`);
    });
  }
  if (command.aliases !== undefined && command.aliases.length > 0) {
    sections.push('', 'ALIASES', ...command.aliases.map((a) => `  $ cove ${a}`));
  }
  if (command.examples.length > 0) {
    sections.push('', 'EXAMPLES');
    for (const example of command.examples) {
      const [first, ...rest] = example.split('\n');
      sections.push(`  $ cove ${first ?? ''}`, ...rest.map((l) => `  ${l}`));
    }
  }
  return `${sections.join('\n')}\n`;
}

function flagLabel(name: string, spec: FlagSpec): string {
  const short = spec.char === undefined ? '    ' : `-${spec.char}, `;
  const value = spec.type === 'string' ? `=<${spec.valueName ?? 'value'}>` : '';
  return `${short}--${name}${value}`;
}

/** `cove --help`: every visible command with its one-line description, by topic. */
export function rootHelp(commands: readonly CommandDefinition[], version: string): string {
  const visible = commands.filter((c) => c.hidden !== true).sort((a, b) => a.id.localeCompare(b.id));
  const w = Math.max(...visible.map((c) => c.id.length));
  const lines = [
    `cove ${version}: Heroku Private Spaces on machines you control`,
    '',
    'USAGE',
    '  $ cove COMMAND [flags]',
    '  $ cove server [server flags]    (runs the platform; see cove server --help)',
    '',
    'ENVIRONMENT',
    '  COVE_API_URL   the API (default http://127.0.0.1:5000)',
    '  COVE_API_KEY   an API key; otherwise the one `cove login` saved',
    '  COVE_APP       the default for -a/--app',
    '',
    'COMMANDS',
    ...visible.map((c) => `  ${c.id.padEnd(w)}  ${c.description.split('\n')[0] ?? ''}`),
  ];
  return `${lines.join('\n')}\n`;
}
