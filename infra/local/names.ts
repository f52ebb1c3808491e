/** Names of the local stack's resources (the cloud stack names its own). */
export const DEPARTMENT_ID = 'krd';
export const REPORT_BUCKET = 'zhurnal-reports';
export const TABLE_NAME = 'zhurnal';
