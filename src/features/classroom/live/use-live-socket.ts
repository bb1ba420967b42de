import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { openLiveSocket } from './live-client';

/**
 * The live session's connection for one page: opened when the page shows (the client library loads
 * then), closed when it goes. `listen` adds the page's listeners; `onConnect` runs at every
 * connection, the first and each one after a lost network, so the page can take its place again.
 */
export function useLiveSocket(
  key: string,
  listen: (socket: Socket) => void,
  onConnect: (socket: Socket) => void,
): { socket: Socket | null; isConnected: boolean } {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [isConnected, setIsConnected] = useState(true);

  useEffect(() => {
    let opened: Socket | undefined;
    let isGone = false;
    void openLiveSocket().then((created) => {
      if (isGone) {
        created.close();
        return;
      }
      opened = created;
      setSocket(created);
      listen(created);
      created.on('disconnect', () => setIsConnected(false));
      // A first connection that fails says so too, not only one that is lost.
      created.on('connect_error', () => setIsConnected(false));
      created.on('connect', () => {
        setIsConnected(true);
        onConnect(created);
      });
    });
    return () => {
      isGone = true;
      opened?.close();
    };
    // The listeners belong to the connection made for `key`; a new key makes a new connection.
  }, [key]);

  return { socket, isConnected };
}
