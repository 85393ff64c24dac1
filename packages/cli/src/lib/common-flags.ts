/** Flags shared by many commands, spelled as the heroku CLI spells them. */
import type { FlagSpec } from './command.js';

export const appFlag: FlagSpec = { type: 'string', char: 'a', description: 'app to run command against', env: 'COVE_APP', valueName: 'APP' };
export const spaceFlag: FlagSpec = { type: 'string', char: 's', description: 'space to use', valueName: 'SPACE' };
export const teamFlag: FlagSpec = { type: 'string', char: 't', description: 'team to use', env: 'COVE_TEAM', valueName: 'TEAM' };
export const jsonFlag: FlagSpec = { type: 'boolean', description: 'output in json format' };
export const confirmFlag: FlagSpec = { type: 'string', description: 'set to the name being destroyed to skip the prompt', valueName: 'NAME' };
