// Handlers of this area's routes (functions/people/routes.ts) are named exports here.
export {};
