import { html, keepCodesWhole } from './html';

describe('html templates', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('keeps nested templates and lists as markup, and drops empty holes', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('keeps codes on one line and still escapes the text around them', () => {
    expect(keepCodesWhole('like SZS-2026-000123-F <b>').value).toBe('like <span class="nw">SZS-2026-000123-F</span> &lt;b&gt;');
  });
});
