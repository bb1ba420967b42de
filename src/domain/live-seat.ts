/**
 * The cookie in which a device that joined a live session also keeps its seat (`<session id>.<token>`,
 * the token the server gave at the join): a reload's first request then says which player is asking,
 * and the server can send that player's screen in the page itself (decision 013).
 */
export const LIVE_SEAT_COOKIE = 'live-seat';

export const liveSeatCookieValue = (sessionId: string, token: string): string => `${sessionId}.${token}`;
