// `npm start` and `npm run serve`: with LIVE_REPO set, the site follows the content repository
// and goes live after each Publish by itself (scripts/live.ts); without it, it serves this
// folder's build as it is (scripts/serve.ts).
await import(process.env.LIVE_REPO?.trim() ? './live.ts' : './serve.ts');

export {};
