/**
 * s3rver in a process of its own (the scale-out setup's object storage): storing 100+ MB/s is
 * real work, and it must be neither the server's nor the load generator's CPU. Prints one JSON
 * line with the connection details, then serves until SIGTERM.
 */
import { startS3rver } from '../../../test/helpers/s3rver.js';

const s3 = await startS3rver();
const { close, ...details } = s3;
console.log(JSON.stringify(details));
process.once('SIGTERM', () => {
  close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
