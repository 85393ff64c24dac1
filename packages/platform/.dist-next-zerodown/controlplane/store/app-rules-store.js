export {};
//# sourceMappingURL=app-rules-store.js.map