// Handlers of this area's routes (functions/timetable/routes.ts) are named exports here.
export {};
