import { html, keepCodesWhole, SafeHtml } from './html';
import { beijingTime, PageContext } from './page-context';

/** What a form shows again after a refusal: the values given and, per refused field, what to fix. */
export interface FormState<F extends string> {
  values: Partial<Record<F, string>>;
  errors: Partial<Record<F, string>>;
}

/**
 * The fields of one form (ids `<prefix>-<name>`): labelled, described by their hint and, after a
 * refusal, by what to fix, so a screen reader reads them with the field.
 */
export function formField<F extends string>(state: FormState<F>, prefix: string) {
  return (name: F, label: string, hint: string | null, control: (attrs: SafeHtml) => SafeHtml): SafeHtml => {
    const id = `${prefix}-${name}`;
    const error = state.errors[name];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html`id="${id}" name="${name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${
      error ? html` aria-invalid="true" class="invalid"` : ''
    }`;
    return html`<div class="field">
<label for="${id}">${label}</label>
${control(attrs)}
${hint ? html`<p class="hint" id="${id}-hint">${keepCodesWhole(hint)}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
</div>`;
  };
}

/**
 * A public search box (`q`, id `q`): its hint, and after a refusal what to fix, read with the field.
 * The directories and the laboratory's scope search share it, so the field reads the same everywhere.
 */
export function searchField(label: string, hint: string, value: string, error: string | null | undefined): SafeHtml {
  return html`<div class="field">
<label for="q">${label}</label>
<input id="q" name="q" type="search" value="${value}" maxlength="100" autocomplete="off" aria-describedby="q-hint${error ? ' q-error' : ''}"${
    error ? html` aria-invalid="true" class="invalid"` : ''
  }>
<p class="hint" id="q-hint">${keepCodesWhole(hint)}</p>
${error ? html`<p class="field-error" id="q-error">${error}</p>` : ''}
</div>`;
}

/** The refused fields at the top of a form, each a link to its field. */
export function errorSummary<F extends string>(state: FormState<F>, prefix: string, intro: string, names: Record<string, string>): SafeHtml | '' {
  const errors = Object.entries(state.errors) as [F, string][];
  return errors.length
    ? html`<div class="errors" role="alert"><p>${intro}</p><ul>${errors.map(
        ([name, message]) => html`<li><a href="#${prefix}-${name}">${names[name]}</a>: ${message}</li>`,
      )}</ul></div>`
    : '';
}

/** What a sent form answers: its reference, big, with what to keep it for, then the facts of where it went. */
export interface Receipt {
  title: string;
  referenceLabel: string;
  reference: string;
  keep: string;
  certificate: { label: string; number: string | null };
  routedTo: { label: string; names: SafeHtml | string };
  receivedAt: { label: string; at: string };
}

export function receiptCard(ctx: PageContext, r: Receipt): SafeHtml {
  return html`<section class="card" aria-labelledby="thanks">
<h1 id="thanks">${r.title}</h1>
<p>${r.referenceLabel}</p>
<p class="reference" id="reference">${r.reference}</p>
<p>${r.keep}</p>
<dl class="facts">
${r.certificate.number ? html`<dt>${r.certificate.label}</dt><dd><a href="${ctx.href(`/registry/${r.certificate.number}`)}">${r.certificate.number}</a></dd>` : ''}
<dt>${r.routedTo.label}</dt><dd>${r.routedTo.names}</dd>
<dt>${r.receivedAt.label}</dt><dd><time datetime="${r.receivedAt.at}">${beijingTime(r.receivedAt.at)}</time> (${ctx.t.beijingTime})</dd>
</dl>
</section>`;
}

/** A body's name in the page's language. */
export const bodyName = (ctx: PageContext, body: { nameZh: string; nameEn: string | null }) => (ctx.lang === 'en' ? (body.nameEn ?? body.nameZh) : body.nameZh);
