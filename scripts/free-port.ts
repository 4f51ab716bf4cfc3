// Prints a free TCP port (scripts/lib/free-port.ts), e.g. for .ci/run's smoke test.
import { freePort } from './lib/free-port'

void freePort().then((port) => console.log(port))
