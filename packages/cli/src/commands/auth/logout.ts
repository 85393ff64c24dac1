import { ApiClient, seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { readCredentials, removeCredentials } from '../../lib/credentials.js';

export const logout = defineCommand({
  id: 'logout',
  aliases: ['auth:logout'],
  description: 'clear local authentication credentials\nRevokes the token cove login created, then deletes the credentials file.',
  examples: ['logout'],
  async run({ out, runtime }) {
    const saved = await readCredentials(runtime.credentialsPath);
    await out.action('Logging out', async () => {
      if (saved?.authorization_id !== undefined) {
        // The saved token revokes itself, even when COVE_API_KEY is set. Best effort: the
        // server may be gone or the token already revoked.
        const api = new ApiClient({ apiUrl: saved.api_url, token: saved.token, version: runtime.version });
        await api.delete(`/oauth/authorizations/${seg(saved.authorization_id)}`).catch(() => undefined);
      }
      await removeCredentials(runtime.credentialsPath);
    });
    if (runtime.env['COVE_API_KEY'] !== undefined && runtime.env['COVE_API_KEY'] !== '') {
      out.warn('COVE_API_KEY is still set; unset it to log out completely.');
    }
  },
});
