// Run inside the network namespace of the loopback-only pcscd (scripts/pcsc/isolatedPcscd.ts),
// by `nsenter --net=/proc/<pcscd>/ns/net node vpcdRelay.mjs <socket path> <vpcd port>`.
// vpcd listens on every address of that namespace, whose only interface is lo; this relay lets
// the simulator in from outside through a Unix socket in a private directory, which no other
// host can reach. One TCP connection to vpcd per connection on the socket, bytes passed as is.
// Creates the socket once it listens (the starter waits for the file); stopped by its PID.
import { createConnection, createServer } from 'node:net';

const [socketPath, portText] = process.argv.slice(2);
const port = Number(portText);
if (!socketPath || !Number.isInteger(port)) {
  console.error('usage: vpcdRelay.mjs <socket path> <vpcd port>');
  process.exit(2);
}

// Only the owner may connect: whoever reaches this socket can present a card to pcscd.
process.umask(0o077);
const server = createServer((card) => {
  const vpcd = createConnection({ host: '127.0.0.1', port });
  vpcd.setNoDelay(true);
  card.pipe(vpcd);
  vpcd.pipe(card);
  // Either side closing closes the other: vpcd then sees the card taken out, or the card sees
  // the reader go away, exactly as with a direct TCP connection.
  const closeBoth = () => {
    card.destroy();
    vpcd.destroy();
  };
  card.on('close', closeBoth);
  vpcd.on('close', closeBoth);
  card.on('error', closeBoth);
  vpcd.on('error', closeBoth);
});
server.listen(socketPath);
const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
