/**
 * The archive cannot be read as an image: missing or malformed manifest,
 * truncated or hostile content, a limit exceeded. The message says which and
 * where, and is meant for the user as is.
 * @public
 */
export class ImageReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageReadError';
  }
}
