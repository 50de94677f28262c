/** The built dashboard's folder (apps/dashboard/dist), or null when the gateway serves no dashboard. */
export const DASHBOARD_DIR = Symbol('DASHBOARD_DIR');
