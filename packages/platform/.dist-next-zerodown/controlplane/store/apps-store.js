export {};
//# sourceMappingURL=apps-store.js.map