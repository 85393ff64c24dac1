export {};
//# sourceMappingURL=drain-feed.js.map