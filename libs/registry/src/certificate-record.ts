/**
 * A certificate with the parties it names, written once for its three readers (the case view, the
 * PDF, the registry entry): certificate `c`, holder `en`, certification body `cb`, product
 * category `pc`, standard `s`; the reader adds its columns before and its `WHERE` after.
 *
 * It lives in the registry, not in certification, because certification depends on the registry
 * (every certificate change is recorded through registry-writer.ts) and the registry, which copies
 * these rows into its entries, must not import certification back.
 */
export const CERTIFICATE_WITH_PARTIES = `
  FROM certificates c
  JOIN organizations en ON en.id = c.enterprise_id
  JOIN organizations cb ON cb.id = c.certification_body_id
  JOIN product_categories pc ON pc.code = c.category_code
  JOIN standards s ON s.id = c.standard_id`;

/**
 * The parties as JSON objects, one shape everywhere; the case view adds the holder's and the
 * standard's ids (`withIds`), the public registry entry does not carry them.
 */
export function certificatePartiesJson(withIds: boolean) {
  const id = (alias: string) => (withIds ? `'id', ${alias}.id, ` : '');
  return {
    holder: `json_build_object(${id('en')}'nameZh', en.name_zh, 'nameEn', en.name_en, 'creditCode', en.credit_code)`,
    certificationBody: `json_build_object('id', cb.id, 'nameZh', cb.name_zh, 'nameEn', cb.name_en)`,
    category: `json_build_object('code', pc.code, 'nameZh', pc.name_zh, 'nameEn', pc.name_en)`,
    standard: `json_build_object(${id('s')}'code', s.code, 'version', s.version, 'titleZh', s.title_zh, 'titleEn', s.title_en)`,
  };
}
