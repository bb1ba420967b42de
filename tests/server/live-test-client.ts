import { io, type Socket } from 'socket.io-client';
import type { Client } from './test-server-client';
import { field } from './test-server-client';

// A device of a live session, for the server's tests: a real Socket.IO client that says where it
// comes from, as a browser would, and waits for acknowledgements and events with a deadline.

export type Reply = { ok: boolean; error?: string; token?: string; view?: unknown };
export type Shown = {
  prompt: string;
  choices: { id: string; text: string }[];
  left: { id: string; text: string }[];
};

const opened: Socket[] = [];

/** Closes every device the tests opened (call from afterAll). */
export function closeDevices(): void {
  opened.splice(0).forEach((socket) => socket.close());
}

export function connect(url: string, headers: Record<string, string> = {}): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: url, ...headers },
  });
  opened.push(socket);
  return socket;
}

export function send(socket: Socket, event: string, message: unknown): Promise<Reply> {
  return socket.timeout(10_000).emitWithAck(event, message) as Promise<Reply>;
}

/** The next event of this name that passes the check (views arrive after every change). */
export function next<T = unknown>(
  socket: Socket,
  event: string,
  check: (payload: T) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} arrived`)), timeoutMs);
    const listener = (payload: T) => {
      if (!check(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

export const phaseIs = (phase: string, index?: number) => (view: unknown) =>
  field(view, 'phase') === phase && (index === undefined || field(view, 'index') === index);

export const cookieOf = (client: Client) =>
  [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
