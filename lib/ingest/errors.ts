/**
 * Why an input cannot be ingested, in words a user can act on. `code` is stable (tests and the API
 * read it); the message is for people. Nothing has been written when one of these is thrown.
 */
export type IngestErrorCode =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'encoding'
  | 'no_text'
  | 'unsupported_type'
  | 'url_refused'
  | 'url_failed'
  | 'timeout'
  | 'too_many_redirects'
  | 'bad_proposals';

export class IngestInputError extends Error {
  override name = 'IngestInputError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Upper bound on what is read from an upload or a URL. Articles are tens of kilobytes. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
/** Upper bound on the stored text after cleaning (characters). */
export const MAX_TEXT_CHARS = 400_000;
