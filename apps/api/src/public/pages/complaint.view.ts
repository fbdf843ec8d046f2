import type { ComplaintReceipt, ComplaintStatusView } from '@app/certification';
import { COMPLAINT_SUBJECTS } from '@app/certification';
import { COMPLAINT_DICTIONARIES } from './complaint-i18n';
import { bodyName, errorSummary, formField, FormState, receiptCard } from './form-fields';
import { html, SafeHtml } from './html';
import { languageField, layout } from './layout';
import { beijingTime, PageContext } from './page-context';

export const COMPLAINT_FIELDS = ['about', 'certificateNumber', 'creditCode', 'description', 'name', 'email'] as const;
export type ComplaintField = (typeof COMPLAINT_FIELDS)[number];
export type ComplaintFormState = FormState<ComplaintField>;

/** The complaint form: labelled fields with hints; after a refusal each refused field says what to fix. */
function complaintForm(ctx: PageContext, state: ComplaintFormState): SafeHtml {
  const t = COMPLAINT_DICTIONARIES[ctx.lang];
  const field = formField(state, 'c');
  const v = state.values;
  return html`<form method="post" action="/complaint" novalidate>
${languageField(ctx, true)}
${errorSummary(state, 'c', t.fixErrors, t.fieldNames)}
${field(
  'about',
  t.about,
  null,
  (a) =>
    html`<select ${a} required>${COMPLAINT_SUBJECTS.map((s) => html`<option value="${s}"${v.about === s ? html` selected` : ''}>${t.aboutNames[s]}</option>`)}</select>`,
)}
${field('certificateNumber', t.certificateNumber, t.certificateNumberHint, (a) => html`<input ${a} maxlength="64" autocomplete="off" spellcheck="false" value="${v.certificateNumber ?? ''}">`)}
${field('creditCode', t.creditCode, t.creditCodeHint, (a) => html`<input ${a} maxlength="18" autocomplete="off" spellcheck="false" value="${v.creditCode ?? ''}">`)}
${field('description', t.description, t.descriptionHint, (a) => html`<textarea ${a} required minlength="10" maxlength="4000" rows="5">${v.description ?? ''}</textarea>`)}
${field('name', t.name, null, (a) => html`<input ${a} maxlength="200" autocomplete="name" value="${v.name ?? ''}">`)}
${field('email', t.email, t.emailHint, (a) => html`<input ${a} type="email" required maxlength="254" autocomplete="email" value="${v.email ?? ''}">`)}
<button type="submit">${t.submit}</button>
</form>`;
}

export function complaintPage(ctx: PageContext, state: ComplaintFormState): string {
  const t = COMPLAINT_DICTIONARIES[ctx.lang];
  return layout(ctx, {
    title: t.title,
    section: 'report',
    switchHref: ctx.switchHref('/complaint', state.values.certificateNumber ? { certificateNumber: state.values.certificateNumber } : {}),
    body: html`<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
<div class="card">${complaintForm(ctx, state)}</div>`,
  });
}

/** The acknowledgement: the reference first, then who handles it. */
export function complaintThanksPage(ctx: PageContext, receipt: ComplaintReceipt): string {
  const t = COMPLAINT_DICTIONARIES[ctx.lang];
  const body = receipt.handledBy.certificationBody;
  return layout(ctx, {
    title: `${t.thanksTitle} ${receipt.reference}`,
    section: 'report',
    switchHref: ctx.switchHref('/complaint', {}),
    body: html`${receiptCard(ctx, {
      title: t.thanksTitle,
      referenceLabel: t.thanksReference,
      reference: receipt.reference,
      keep: t.thanksKeep,
      certificate: { label: t.certificate, number: receipt.certificateNumber },
      routedTo: { label: t.handledBy, names: body ? bodyName(ctx, body) : t.regulator },
      receivedAt: { label: t.receivedAt, at: receipt.createdAt },
    })}
<p><a href="${ctx.href('/complaint/status')}">${t.checkStatus}</a></p>
<p><a href="${ctx.href('/verify')}">${ctx.t.thanksBack}</a></p>`,
  });
}

/** The link to the form that other pages carry. */
export const complaintLink = (ctx: PageContext, certificateNumber?: string): SafeHtml =>
  html`<a href="${ctx.href('/complaint', { certificateNumber })}">${COMPLAINT_DICTIONARIES[ctx.lang].link}</a>`;

/** The complainant's look-up: reference and e-mail in, where the complaint stands (and, once closed, its outcome) out. */
export function complaintStatusPage(ctx: PageContext, values: { reference?: string; email?: string }, found?: ComplaintStatusView | null): string {
  const t = COMPLAINT_DICTIONARIES[ctx.lang];
  const state = { values, errors: found === null ? { reference: t.notFound } : {} };
  const field = formField(state, 's');
  return layout(ctx, {
    title: t.statusTitle,
    section: 'report',
    switchHref: ctx.switchHref('/complaint/status', {}),
    body: html`<h1>${t.statusTitle}</h1>
${
  found
    ? html`<section class="card" aria-labelledby="status">
<h2 id="status">${found.reference}</h2>
<dl class="facts">
<dt>${t.statusLabel}</dt><dd id="complaint-status">${t.statuses[found.status] ?? found.status}</dd>
${found.outcome ? html`<dt>${t.outcomeLabel}</dt><dd id="complaint-outcome">${t.outcomes[found.outcome] ?? found.outcome}</dd>` : ''}
<dt>${t.receivedAt}</dt><dd><time datetime="${new Date(found.createdAt).toISOString()}">${beijingTime(found.createdAt)}</time> (${ctx.t.beijingTime})</dd>
</dl>
</section>`
    : ''
}
<p class="lead">${t.statusIntro}</p>
<form class="card" method="post" action="/complaint/status" novalidate>
${languageField(ctx, true)}
${field('reference', t.reference, null, (a) => html`<input ${a} required maxlength="40" autocomplete="off" spellcheck="false" value="${values.reference ?? ''}">`)}
${field('email', t.statusEmail, null, (a) => html`<input ${a} type="email" required maxlength="254" autocomplete="email" value="${values.email ?? ''}">`)}
<button type="submit">${t.lookup}</button>
</form>`,
  });
}
