// Handlers of this area's routes (functions/year/routes.ts) are named exports here.
export {};
