import { Identity1764190000000 } from './1764190000000-identity';

/** Every migration, in order. Listed explicitly so the built app, the CLI and the tests run the same set. */
export const migrations = [Identity1764190000000];
