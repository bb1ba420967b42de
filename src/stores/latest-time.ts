/**
 * The last millisecond of the year 9999: later times are tampering, and dates past it cannot be shown.
 * A module of its own so that the solo disputes' checks (on the quiz page) need not load the history's.
 */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
