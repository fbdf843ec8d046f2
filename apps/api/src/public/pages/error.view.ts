import type { Service } from '@app/shared';
import { html } from './html';
import { layout } from './layout';
import type { PageContext } from './page-context';

/** An error as a page: what happened in words, what to do, and the request id for support. */
export function errorPage(ctx: PageContext, status: number, retryAfterSeconds?: number, unavailable?: Service, fields: string[] = []): string {
  const t = ctx.t;
  const key = t.errorTitle[status] ? status : status >= 500 ? 500 : status === 404 ? 404 : 400;
  // An outage says which part of the platform is away, so the reader knows it is not their doing.
  const text = status === 503 && unavailable ? t.serviceAway[unavailable] : t.errorText[key];
  return layout(ctx, {
    title: t.errorTitle[key],
    section: null,
    body: html`<section class="card">
<h1>${t.errorTitle[key]}</h1>
<p>${text}${retryAfterSeconds ? html` ${t.retryAfter(retryAfterSeconds)}` : ''}</p>
${fields.length ? html`<p>${t.invalidFields} ${fields.map((f, i) => html`${i ? ', ' : ''}<code>${f}</code>`)}</p>` : ''}
<p class="actions"><a href="${ctx.href('/verify')}">${t.navVerify}</a><a href="${ctx.href('/registry')}">${t.navRegistry}</a></p>
<p class="hint">${t.errorReference}: <code>${ctx.requestId}</code></p>
</section>`,
  });
}
