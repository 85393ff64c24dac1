export {};
//# sourceMappingURL=log-drains-store.js.map