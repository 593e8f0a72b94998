import { runAction } from '../../src/action/kit.js';
import { main } from './main.js';

await runAction(main);
