// Handlers of this area's routes (functions/curriculum/routes.ts) are named exports here.
export {};
