/**
 * nftables, one table per concern, each replaced atomically with one `nft -f` (findings §6).
 * Cove never runs `flush ruleset` and never touches a table it does not own.
 */
import { exec } from './exec.js';
function nftArgv(netns, args) {
    return netns === null ? ['nft', [...args]] : ['ip', ['netns', 'exec', netns, 'nft', ...args]];
}
/**
 * Replaces `table <family> <name>` with `body` (the text between the table's braces) in one
 * transaction: the table is created empty if missing, deleted and re-declared.
 */
export async function replaceTable(netns, family, name, body) {
    const script = `table ${family} ${name} {}\ndelete table ${family} ${name}\ntable ${family} ${name} {\n${body}\n}\n`;
    const [file, args] = nftArgv(netns, ['-f', '-']);
    await exec(file, args, { input: script });
}
export async function deleteTable(netns, family, name) {
    const [file, args] = nftArgv(netns, ['-f', '-']);
    await exec(file, args, { input: `table ${family} ${name} {}\ndelete table ${family} ${name}\n` });
}
/** Tables present, as "family name", read back with `nft -j`. */
export async function listTables(netns) {
    const [file, args] = nftArgv(netns, ['-j', 'list', 'tables']);
    const { stdout } = await exec(file, args);
    const parsed = JSON.parse(stdout || '{"nftables":[]}');
    return parsed.nftables.flatMap((e) => (e.table === undefined ? [] : [`${e.table.family} ${e.table.name}`]));
}
//# sourceMappingURL=nftables.js.map