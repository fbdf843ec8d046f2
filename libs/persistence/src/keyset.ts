/** The least uuid: where a keyset walk ordered by (…, id) starts. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
