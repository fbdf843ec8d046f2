import type { FieldRule } from './domain-error';

/**
 * The rules a service checks on a field after validation, by name with their values, so a client
 * can word the refusal in its reader's language (the English reason stays the API's own). The
 * console has a sentence for each name; a name is a contract, like an error code.
 */
export const FIELD_RULES = {
  /** A date that must come after another (`value`, the other field's): a validity's end after its start. */
  after: (other: string, value: string): FieldRule => ({ rule: 'afterField', params: { other, value } }),
  /** A date that may equal another but not come before it. */
  notBefore: (other: string, value: string): FieldRule => ({ rule: 'notBeforeField', params: { other, value } }),
  /** A date that must be after today (`today` in Shenzhen). */
  afterToday: (today: string): FieldRule => ({ rule: 'afterToday', params: { today } }),
  /** A date of something that has happened: today or before. */
  notFuture: (): FieldRule => ({ rule: 'notFuture' }),
  /** A search term: the bigram index needs two adjacent characters that are not spaces. */
  searchTerm: (): FieldRule => ({ rule: 'twoAdjacentCharacters' }),
  /** A new password that is the current one. */
  differsFromCurrent: (): FieldRule => ({ rule: 'differsFromCurrent' }),
  /** Product category codes the scheme does not have (one or several, comma-separated). */
  unknownCategory: (codes: string): FieldRule => ({ rule: 'unknownCategory', params: { codes } }),
  /** A standard (code-version) that is withdrawn, where a current one is needed. */
  withdrawnStandard: (standard: string): FieldRule => ({ rule: 'withdrawnStandard', params: { standard } }),
  /** A standard named twice in one list. */
  standardNamedTwice: (standard: string): FieldRule => ({ rule: 'standardNamedTwice', params: { standard } }),
  /** A standard that does not cover the product category chosen. */
  standardNotInCategory: (standard: string, category: string): FieldRule => ({ rule: 'standardNotInCategory', params: { standard, category } }),
  /** An uploaded file with no bytes. */
  emptyFile: (): FieldRule => ({ rule: 'emptyFile' }),
} as const;
