/** Log lines kept per app across restarts (Heroku keeps 1,500). */
export const LOG_LINES_PER_APP = 1500;
//# sourceMappingURL=store.js.map