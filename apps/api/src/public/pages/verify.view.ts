import type { MisuseReportReceipt, VerificationResult } from '@app/certification';
import { certificateFacts, lifecycleSection, modelList, PublicCertificate, scopeSection, transitionNotice } from './certificate.view';
import { html, keepCodesWhole, SafeHtml } from './html';
import { HTML_LANG, DICTIONARIES, VerdictKey } from './i18n';
import { complaintLink } from './complaint.view';
import { bodyName, errorSummary, formField, FormState, receiptCard } from './form-fields';
import { languageField, layout } from './layout';
import { beijingTime, PageContext } from './page-context';

export type ReportField = 'code' | 'description' | 'whereSeen' | 'contact';
export type ReportFormState = FormState<ReportField>;

/** What to tell the person: a status, or why the code is not one. */
export function verdictOf(r: Pick<VerificationResult, 'status' | 'kind'>): VerdictKey {
  if (r.status === 'invalid') return r.kind === null ? 'forged' : 'mistyped';
  if (r.status === 'unknown') return r.kind === null ? 'notACode' : 'unknown';
  return r.status;
}

const TONE: Record<VerdictKey, { tone: string; icon: string }> = {
  valid: { tone: 'valid', icon: '✓' },
  suspended: { tone: 'suspended', icon: '!' },
  withdrawn: { tone: 'ended', icon: '✕' },
  cancelled: { tone: 'ended', icon: '✕' },
  expired: { tone: 'ended', icon: '✕' },
  unknown: { tone: 'bad', icon: '?' },
  notACode: { tone: 'bad', icon: '?' },
  forged: { tone: 'bad', icon: '✕' },
  mistyped: { tone: 'bad', icon: '✕' },
};

function codeForm(ctx: PageContext, value = '', error?: string): SafeHtml {
  const t = ctx.t;
  return html`<form class="card" method="get" action="/verify" role="search">
${languageField(ctx)}
<div class="field">
<label for="code">${t.codeLabel}</label>
<input id="code" name="code" value="${value}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" required
 aria-describedby="code-hint${error ? ' code-error' : ''}"${error ? html` aria-invalid="true" class="invalid"` : ''}>
<p class="hint" id="code-hint">${keepCodesWhole(t.codeHint)}</p>
${error ? html`<p class="field-error" id="code-error">${error}</p>` : ''}
</div>
<button type="submit">${t.verifyButton}</button>
</form>`;
}

export function verifyFormPage(ctx: PageContext, error?: string): string {
  const t = ctx.t;
  return layout(ctx, {
    title: t.verifyTitle,
    section: 'verify',
    body: html`<h1>${t.verifyTitle}</h1>
<p class="lead">${t.verifyIntro}</p>
${codeForm(ctx, '', error)}
<p><a href="${ctx.href('/report')}">${t.reportStandaloneTitle}</a></p>
<p>${complaintLink(ctx)}</p>`,
  });
}

/** The misuse-report form; its fields are labelled, described and, after a refusal, say what to fix. */
export function reportForm(ctx: PageContext, state: ReportFormState): SafeHtml {
  const t = ctx.t;
  const field = formField(state, 'r');
  return html`<form method="post" action="/report" novalidate>
${languageField(ctx, true)}
${errorSummary(state, 'r', t.reportFixErrors, t.fieldNames)}
${field('description', t.reportDescription, t.reportDescriptionHint, (a) => html`<textarea ${a} required minlength="5" maxlength="4000" rows="4">${state.values.description ?? ''}</textarea>`)}
${field('whereSeen', t.reportWhere, t.reportWhereHint, (a) => html`<input ${a} maxlength="500" value="${state.values.whereSeen ?? ''}">`)}
${field('code', t.reportCode, null, (a) => html`<input ${a} maxlength="1100" autocomplete="off" spellcheck="false" value="${state.values.code ?? ''}">`)}
${field('contact', t.reportContact, t.reportContactHint, (a) => html`<input ${a} maxlength="200" autocomplete="email" value="${state.values.contact ?? ''}">`)}
<button type="submit">${t.reportSubmit}</button>
</form>`;
}

/**
 * What changed since the code was made (issue 11): a QR of a superseded edition, a renewed
 * certificate and its successor. A minimal line; the lifecycle's own rendering is the record page's.
 */
function changesNote(ctx: PageContext, r: VerificationResult): SafeHtml | '' {
  const t = ctx.t;
  const notes: SafeHtml[] = [];
  if (r.supersededBy) notes.push(html`<p class="note">${t.supersededNote(r.supersededBy.edition)}</p>`);
  if (r.renewedBy) {
    const current = r.currentCertificate;
    notes.push(
      html`<p class="note">${t.renewedNote(r.renewedBy)} ${current ? html`<a href="${ctx.href(`/registry/${current.number}`)}">${current.number}</a> (${t.verdict[current.status][0]})` : ''}</p>`,
    );
  }
  return notes.length ? html`${notes}` : '';
}

/** The page a scanned QR code or a typed code lands on: the answer first, then the details, then what to do. */
export function verificationPage(ctx: PageContext, r: VerificationResult, reportCode: string): string {
  const t = ctx.t;
  const key = verdictOf(r);
  const { tone, icon } = TONE[key];
  const [word, explain] = t.verdict[key];
  const other = ctx.lang === 'zh' ? 'en' : 'zh';
  const cert: PublicCertificate | undefined = r.certificate;
  const grant = r.markGrant;
  const body = html`<section class="verdict ${tone}" aria-labelledby="verdict">
<p class="kicker">${t.resultKicker}</p>
<h1 id="verdict"><span class="icon" aria-hidden="true">${icon}</span><span class="word">${word}</span><span class="other" lang="${HTML_LANG[other]}">${DICTIONARIES[other].verdict[key][0]}</span></h1>
<p class="explain">${explain}</p>
</section>
<p class="asof">${t.asOf}: <time datetime="${r.asOf}">${beijingTime(r.asOf)}</time> (${t.beijingTime}) · ${t.asOfNote}</p>
${changesNote(ctx, r)}
${
  cert
    ? html`<section class="card" aria-labelledby="certified">
<h2 id="certified">${t.certified}</h2>
${transitionNotice(ctx, cert)}
${certificateFacts(ctx, cert)}
${lifecycleSection(ctx, cert)}
${scopeSection(ctx, cert)}
</section>`
    : key === 'forged'
      ? html`<section class="card" aria-labelledby="again">
<h2 id="again">${t.checkAnother}</h2>
<p>${t.forgedAdvice}</p>
${codeForm(ctx)}
</section>`
      : html`<section class="card" aria-labelledby="again">
<h2 id="again">${t.checkAgain}</h2>
${codeForm(ctx, r.query)}
</section>`
}
${
  grant
    ? html`<section class="card" aria-labelledby="grant">
<h2 id="grant">${t.markGrant}</h2>
<p>${t.markGrantIntro}</p>
<dl class="facts">
<dt>${t.labelCode}</dt><dd class="nw">${reportCode}</dd>
<dt>${t.grantStatus}</dt><dd>${t.grantStatuses[grant.status] ?? grant.status}</dd>
<dt>${t.models}</dt><dd>${modelList(grant.products.map((p) => p.model))}</dd>
<dt>${t.media}</dt><dd>${grant.media.map((m) => t.mediaNames[m] ?? m).join(ctx.lang === 'zh' ? '、' : ', ')}</dd>
</dl>
${grant.status !== 'granted' && r.status === 'valid' ? html`<p class="note">${t.grantNotActive}</p>` : ''}
</section>`
    : ''
}
<section class="card" aria-labelledby="report">
<h2 id="report">${t.reportTitle}</h2>
<p>${t.reportIntro}</p>
${reportForm(ctx, { values: { code: reportCode }, errors: {} })}
</section>
${cert ? html`<p class="actions"><a href="${ctx.href(`/registry/${cert.number}`)}">${t.publicRecord}</a><a href="${ctx.href('/verify')}">${t.checkAnother}</a>${complaintLink(ctx, cert.number)}</p>` : ''}`;
  return layout(ctx, { title: `${word}${cert ? ` · ${cert.number}` : ''} · ${t.resultTitle}`, section: 'verify', body });
}

export function reportPage(ctx: PageContext, state: ReportFormState): string {
  const t = ctx.t;
  return layout(ctx, {
    title: t.reportStandaloneTitle,
    section: 'report',
    switchHref: ctx.switchHref('/report', state.values.code ? { code: state.values.code } : {}),
    body: html`<h1>${t.reportStandaloneTitle}</h1>
<p class="lead">${t.reportStandaloneIntro}</p>
<div class="card">${reportForm(ctx, state)}</div>
<p>${complaintLink(ctx)}</p>`,
  });
}

export function thanksPage(ctx: PageContext, receipt: MisuseReportReceipt): string {
  const t = ctx.t;
  const body = receipt.routedTo.certificationBody;
  return layout(ctx, {
    title: `${t.thanksTitle} ${receipt.reference}`,
    section: 'report',
    switchHref: ctx.switchHref('/verify', {}),
    body: html`${receiptCard(ctx, {
      title: t.thanksTitle,
      referenceLabel: t.thanksReference,
      reference: receipt.reference,
      keep: t.thanksKeep,
      certificate: { label: t.thanksCertificate, number: receipt.certificateNumber },
      routedTo: { label: t.thanksRoutedTo, names: html`${body ? html`${bodyName(ctx, body)}<br>` : ''}${t.thanksRegulator}` },
      receivedAt: { label: t.thanksAt, at: receipt.createdAt },
    })}
<p><a href="${ctx.href('/verify')}">${t.thanksBack}</a></p>`,
  });
}
