// The short form of the fault-injection suite: every kind of fault at least once, mixed, with one node's
// clock 5 s ahead, half the grace (each kind alone, and the long form, are npm run test:faults). Worker processes and
// reapers on a grid served over smart HTTP; afterwards the audit must pass, no task may be lost or finished
// twice, and every extra execution must be explained by a fault that hit it. It runs alone, after the rest
// (*.serial.test files): another test's load would slow every push round, and the faults' timing with it.
import { faultTests } from './faults/suite.js';
import { MIXED } from './faults/scenarios.js';

faultTests([MIXED]);
