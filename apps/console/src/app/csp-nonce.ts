/** The CSP nonce the API wrote into index.html for this page (a fresh one per answer). */
export const CSP_NONCE = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

/**
 * Ant Design's own styles carry the nonce (ConfigProvider csp), but its table measures the
 * scrollbar with a <style> element created by a helper that takes no nonce, which the CSP refuses
 * (a console error on every table). Style elements that the console's own scripts create get the
 * nonce here; a <style> that arrives in markup (an injection) is still refused, and scripts are
 * untouched (script-src 'self').
 */
export function nonceDynamicStyles(): void {
  const nonce = CSP_NONCE;
  if (!nonce) return;
  const create = document.createElement.bind(document) as (tagName: string, options?: ElementCreationOptions) => HTMLElement;
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
    return element;
  }) as typeof document.createElement;
}
