/** The reactive form of `runAction` (action.ts): a screen makes one `Action` per thing it can do. */
import { runAction, type ActionState, type FailureHandler } from './action';

export class Action implements ActionState {
  busy = $state(false);
  problem = $state('');
  notice = $state('');

  run<T>(work: () => Promise<T>, fail?: FailureHandler): Promise<T | undefined> {
    return runAction(this, work, fail);
  }
}
