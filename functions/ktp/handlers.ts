// Handlers of this area's routes (functions/ktp/routes.ts) are named exports here.
export {};
