/**
 * The e-mail domain of every account of the demo world (the organizations of scripts/fixtures/reference-data.ts): the regulator
 * at it, the other organizations' users at its subdomains. They share a password published in this
 * repository, so production refuses to start while any of them can log in (preflight).
 */
export const DEMO_EMAIL_DOMAIN = 'demo.szs';
