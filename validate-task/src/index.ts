import { runAction } from '../../src/action/kit.js';
import { UserError } from '../../src/core/errors.js';

await runAction(async () => {
  throw new UserError('validate-task is not implemented yet in this version of dgrid');
});
