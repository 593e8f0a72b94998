// The short form of the fault-injection suite, its second half: the git server down and pushes refused, then
// every fault mixed with a clock 30 s ahead (the first half: faults.serial.test.ts).
import { faultTests } from './faults/suite.js';
import { SHORT } from './faults/scenarios.js';

faultTests(SHORT.slice(2));
