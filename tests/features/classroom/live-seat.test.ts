// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepSeat, keepSeatCookie, readSeat } from '@/features/classroom/live/live-client';

// The seat a device keeps after joining a live session: in its storage for the app, and in a cookie
// sent with the join page only, for the server's render of a reload.

const SESSION_ID = 'LiVeSeSsIoNiDlIvEsEsS0';
const TOKEN = 'T'.repeat(43);

/** The cookies the join page's address is sent with. */
function cookiesAtJoinPage(): string {
  const before = window.location.pathname;
  window.history.replaceState(null, '', '/live');
  try {
    return document.cookie;
  } finally {
    window.history.replaceState(null, '', before);
  }
}

afterEach(() => keepSeat(null));

describe("a live seat's cookie", () => {
  it('is written with the seat, for the join page only, and removed with it', () => {
    keepSeat({ sessionId: SESSION_ID, token: TOKEN, pin: '123456' });
    expect(readSeat()?.token).toBe(TOKEN);
    expect(cookiesAtJoinPage()).toBe(`live-seat=${SESSION_ID}.${TOKEN}`);
    expect(document.cookie).toBe('');

    keepSeat(null);
    expect(readSeat()).toBeNull();
    expect(cookiesAtJoinPage()).toBe('');
  });

  it('is not written from a seat whose token could change the cookie’s header', () => {
    keepSeatCookie({ sessionId: SESSION_ID, token: TOKEN });
    keepSeatCookie({ sessionId: SESSION_ID, token: 'x; Path=/; Domain=evil.example' });
    expect(cookiesAtJoinPage()).toBe('');
  });
});
