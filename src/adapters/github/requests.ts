import { BadInputError, ReleaseError } from '../../shared/errors.js';

/** What a token lacks when GitHub answers 403 or 404 to this read, and how to grant it. */
export async function gitHubRead<T>(what: string, permission: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 401) {
      throw new BadInputError(`GitHub refused to ${what} (${status}): ${(error as Error).message}. Give the job \`permissions: ${permission}\`, or pass a github-token that has it.`);
    }
    throw new ReleaseError(`could not ${what}: ${(error as Error).message}`);
  }
}
