/** The state both settings forms keep, and how they save it. */
import { Action } from '../action.svelte';
import { NO_PROBLEMS, refusedSave, type Problems } from './settings';

/**
 * A settings form's answer last seen, the form made from it and the problems of the last save.
 * A saved or conflicting answer replaces both the answer and the form.
 */
export class SettingsEditor<V, F> {
  view = $state<V>(undefined!);
  form = $state<F>(undefined!);
  problems = $state<Problems>(NO_PROBLEMS);
  readonly action = new Action();
  readonly #toForm: (view: V) => F;
  readonly #send: (view: V, form: F) => Promise<V>;
  readonly #saved: string;

  constructor(initial: V, toForm: (view: V) => F, send: (view: V, form: F) => Promise<V>, saved: string) {
    this.#toForm = toForm;
    this.#send = send;
    this.#saved = saved;
    this.take(initial);
  }

  take = (next: V) => {
    this.view = next;
    this.form = this.#toForm(next);
  };

  save = async (event: SubmitEvent) => {
    event.preventDefault();
    this.problems = NO_PROBLEMS;
    await this.action.run(
      async () => {
        this.take(await this.#send(this.view, this.form));
        this.action.notice = this.#saved;
      },
      refusedSave(this.take, (p) => (this.problems = p)),
    );
  };
}
