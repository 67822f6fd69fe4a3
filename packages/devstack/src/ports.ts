import { readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';

/**
 * A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). Another process may
 * take it before the caller binds it: a server started on it must check that it is the one
 * answering (`holdsListener`) and try another port if not.
 */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The inodes of the sockets listening on TCP `port` (IPv4 and IPv6), from Linux's /proc. */
async function listeningInodes(port: number): Promise<Set<string> | undefined> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  let readable = false;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = await readFile(table, 'utf8');
      readable = true;
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const columns = line.trim().split(/\s+/);
      const local = columns[1];
      if (columns[3] === '0A' && local?.endsWith(`:${hexPort}`) && columns[9]) {
        inodes.add(columns[9]);
      }
    }
  }
  return readable ? inodes : undefined;
}

/**
 * Whether the process `pid` holds the socket listening on TCP `port`: false when another
 * process does (or none yet), undefined where /proc cannot tell (not Linux). A server that
 * answers on a port proves nothing by itself: it may be another test's, started on the same
 * port a moment earlier.
 */
export async function holdsListener(pid: number, port: number): Promise<boolean | undefined> {
  const inodes = await listeningInodes(port);
  if (!inodes) return undefined;
  if (inodes.size === 0) return false;
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) return true;
  }
  return false;
}
