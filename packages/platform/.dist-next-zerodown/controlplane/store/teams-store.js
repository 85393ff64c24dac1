/** Why a change of membership was refused: it would leave the team without an admin. */
export const LAST_ADMIN = 'last-admin';
//# sourceMappingURL=teams-store.js.map