// The short form of the fault-injection suite, its first half: kill -9 and SIGSTOP (the second half is
// faults-mixed.serial.test.ts; the long form is npm run test:faults). Worker processes and reapers on a grid
// served over smart HTTP; after each scenario the audit must pass, no task may be lost or finished twice,
// and every extra execution must be explained by a fault that hit it. It runs alone, after the rest
// (*.serial.test files): another test's load would slow every push round, and the faults' timing with it.
import { faultTests } from './faults/suite.js';
import { SHORT } from './faults/scenarios.js';

faultTests(SHORT.slice(0, 2));
