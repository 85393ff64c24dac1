export {};
//# sourceMappingURL=accounts-store.js.map