import { BadInputError } from '../../src/shared/errors.js';

/** The message of the bad-input error `work` must throw. */
export function refusalOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as Error).message;
  }
  throw new Error('expected the input to be refused');
}
