// Handlers of this area's routes (functions/settings/routes.ts) are named exports here.
export {};
