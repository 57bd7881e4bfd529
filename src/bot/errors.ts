/** An expected failure the user should read about (bad option, cooldown...): its message is shown as-is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
